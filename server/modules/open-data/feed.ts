/**
 * The open-data feed as values: a posting in its published shape, the CSV bytes, the entity tag and the
 * conditional-request check. No I/O here; routes.ts reads the postings and answers.
 */
import { createHash } from 'node:crypto'
import iconv from 'iconv-lite'
import { OPEN_DATA_COLUMNS, type CsvEncoding, type OpenDataAlternative, type OpenDataPosting } from '#shared/contracts/open-data'
import { todayInJapan } from '#shared/domain/dates'
import { describeAlternative, describeCriterion, describeRole } from '#shared/domain/postings/describe'
import {
  appointmentFormLabels,
  criterionImportanceLabels,
  type CriterionAlternative,
  dxAreaLabels,
  involvementLabels,
  payUnitLabels,
  selectionStepLabels,
} from '#shared/domain/postings/form'
import { closeReasonLabels, postingStateLabels } from '#shared/domain/postings/workflow'
import type { FeedPosting } from '../postings/index.ts'

function alternative(criterion: CriterionAlternative): OpenDataAlternative {
  return {
    kind: criterion.kind,
    description: describeAlternative(criterion),
    jobTypeIds: criterion.kind === 'job_type_level' ? criterion.jobTypeIds : [],
    minLevel: criterion.kind === 'job_type_level' ? criterion.minLevel : null,
    certificationIds: criterion.kind === 'certification' ? criterion.certificationIds : [],
    experienceKind: criterion.kind === 'experience' ? criterion.experienceKind : null,
    minYears: criterion.kind === 'experience' || criterion.kind === 'local_government_experience' ? criterion.minYears : null,
    listingRoleId: criterion.kind === 'ministry_listing' ? criterion.roleId : null,
  }
}

/** The posting as the feed publishes it: public fields with labels beside codes; no contact person. */
export function openDataPosting(posting: FeedPosting, publicUrl: string): OpenDataPosting {
  const { form } = posting
  return {
    id: posting.id,
    url: new URL(`/postings/${posting.id}`, publicUrl).href,
    state: posting.state,
    stateLabel: postingStateLabels[posting.state],
    closeReason: posting.closeReason,
    closeReasonLabel: posting.closeReason ? closeReasonLabels[posting.closeReason] : null,
    closedOn: posting.state === 'closed' && posting.closedAt ? todayInJapan(posting.closedAt) : null,
    publishedAt: posting.publishedAt.toISOString(),
    revisedAt: posting.revisedAt?.toISOString() ?? null,
    revision: posting.revision,
    updatedAt: posting.updatedAt.toISOString(),
    municipality: {
      code: posting.municipality.code,
      name: posting.municipality.name,
      prefectureCode: posting.municipality.prefectureCode,
      prefectureName: posting.municipality.prefectureName,
    },
    department: form.department,
    title: form.title,
    role: form.roleId ? { id: form.roleId, label: describeRole(form) } : null,
    dutyAreas: form.dutyAreas.map((duty) => ({ ...duty, label: `${dxAreaLabels[duty.area]}（${involvementLabels[duty.involvement]}）` })),
    dutyDescription: form.dutyDescription,
    criteria: form.criteria.map((criterion) => ({
      importance: criterion.importance,
      importanceLabel: criterionImportanceLabels[criterion.importance],
      description: describeCriterion(criterion),
      alternatives: (criterion.kind === 'any_of' ? criterion.alternatives : [criterion]).map(alternative),
    })),
    appointmentForm: form.appointmentForm ? { id: form.appointmentForm, label: appointmentFormLabels[form.appointmentForm] } : null,
    appointmentFormNote: form.appointmentFormNote,
    workDaysPer: form.workDaysPer,
    workDays: form.workDays,
    hoursPerDay: form.hoursPerDay,
    workHoursNote: form.workHoursNote,
    remoteAllowed: form.remoteAllowed,
    onSiteFrequency: form.onSiteFrequency,
    sideJobAllowed: form.sideJobAllowed,
    workplace: form.workplace,
    payAmount: form.payAmount,
    payUnit: form.payUnit ? { id: form.payUnit, label: payUnitLabels[form.payUnit] } : null,
    payNote: form.payNote,
    travelCostsPaid: form.travelCostsPaid,
    termStartsOn: form.termStartsOn,
    termEndsOn: form.termEndsOn,
    renewable: form.renewable,
    renewalNote: form.renewalNote,
    openings: form.openings,
    applicationStartsOn: form.applicationStartsOn,
    applicationEndsOn: form.applicationEndsOn,
    selectionSteps: form.selectionSteps.map((step) => ({ id: step, label: selectionStepLabels[step] })),
    howToApply: form.howToApply,
    applicationUrl: form.applicationUrl,
    jointAppointments: posting.jointAppointments.map((lg) => ({ code: lg.code, name: `${lg.prefectureName}${lg.name}` })),
    bidRestrictions: [...posting.bidRestrictionTexts, ...(form.bidRestriction.note ? [form.bidRestriction.note] : [])],
    freeText: form.freeText,
  }
}

// A text cell starting with one of these is a formula to spreadsheet software; a leading apostrophe keeps it text.
const FORMULA_START = /^[=+\-@\t\r]/

function csvField(value: string | number | null): string {
  if (value === null) return ''
  if (typeof value === 'number') return String(value)
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** RFC 4180 CSV with the Japanese headers, CRLF line ends; UTF-8 with a BOM (Excel) or Shift_JIS. */
export function renderCsv(postings: readonly OpenDataPosting[], encoding: CsvEncoding): Buffer {
  const lines = [OPEN_DATA_COLUMNS.map((column) => csvField(column.header)).join(',')]
  for (const posting of postings) lines.push(OPEN_DATA_COLUMNS.map((column) => csvField(column.value(posting))).join(','))
  const text = lines.join('\r\n') + '\r\n'
  return encoding === 'sjis' ? iconv.encode(text, 'Shift_JIS') : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
}

/** A strong entity tag of the exact bytes sent: any change of content, format or encoding changes it. */
export function entityTag(bytes: Buffer | string): string {
  return `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"`
}

/**
 * RFC 9110 §13.1: If-None-Match decides when present (weak comparison); otherwise If-Modified-Since against the
 * newest change, at the one-second resolution of HTTP dates.
 */
export function notModified(
  request: { ifNoneMatch?: string | undefined; ifModifiedSince?: string | undefined },
  etag: string,
  lastModified: Date | null,
): boolean {
  if (request.ifNoneMatch !== undefined) {
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
    return request.ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag))
  }
  if (request.ifModifiedSince === undefined || lastModified === null) return false
  const since = Date.parse(request.ifModifiedSince)
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since
}
