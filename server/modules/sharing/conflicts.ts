/**
 * Conflicts of interest (利益相反) for people serving several municipalities: the check before an engagement or
 * dispatch, and every person serving a municipality through sharing as the 入札制限 engine sees them.
 */
import { type IsoDate, todayInJapan } from '#shared/domain/dates'
import type { Db } from '../../db/database.ts'
import { AppError } from '../../http/errors.ts'
import type { Appointment, Employment, RuleConfig } from '../bid-restrictions/rules/index.ts'
import * as candidates from '../candidates/index.ts'
import * as appointmentRepo from './appointments-repository.ts'
import { NO_CONFLICT_SOURCE, type SharingDeps } from './context.ts'
import { readEmployments, readPersonRules } from './json-columns.ts'
import { decideServiceConflict } from './rules.ts'
import * as talentRepo from './talents-repository.ts'

/** Runs the conflict check; blocking findings refuse (409), warnings come back to be stored on the record. */
export async function conflictWarnings(
  deps: SharingDeps,
  tx: Db,
  talent: talentRepo.TalentRow,
  municipalityCode: string,
  startsOn: IsoDate,
  endsOn: IsoDate,
): Promise<string[]> {
  const source = deps.conflicts ?? NO_CONFLICT_SOURCE
  const procurements = await source.procurementsFor(tx, municipalityCode, startsOn, endsOn)
  if (procurements.length === 0) return []
  const employments = await employmentsOf(tx, talent)
  const decision = decideServiceConflict({
    asOf: todayInJapan(deps.clock()),
    municipalityCode,
    startsOn,
    endsOn,
    employments,
    ruleSet: mergeRules([...(await personRulesOf(tx, talent)), ...(await source.ruleSetFor(tx, municipalityCode))]),
    procurements,
    companyLinks: await source.companyLinksFor(tx, [
      ...employments.map((e) => e.corporateNumber),
      ...procurements.flatMap((p) => p.expectedBidderCorporateNumbers),
    ]),
  })
  if (decision.decision === 'blocked') {
    const reasons = decision.findings.filter((f) => f.decision === 'blocked').map((f) => f.reason)
    throw new AppError('SHARING_CONFLICT_OF_INTEREST', `利益相反のおそれがあるため、この手続はできません。${reasons.join(' ')}`, 409)
  }
  return decision.findings.map((f) => f.reason)
}

/** Employers of a person: those recorded with the talent, and a candidate's own employment history. */
async function employmentsOf(tx: Db, talent: talentRepo.TalentRow): Promise<Employment[]> {
  const own = readEmployments(talent.employments)
  if (!talent.candidate_account_id) return own
  const history = await candidates.employmentHistory(tx, await candidates.candidateIdForAccount(tx, talent.candidate_account_id))
  return [...own, ...history]
}

/** The person's restrictions: their own rules and those of every shared or joint appointment they hold. */
async function personRulesOf(tx: Db, talent: talentRepo.TalentRow): Promise<RuleConfig[]> {
  return [readPersonRules(talent.bid_rules), ...(await appointmentRepo.appointmentRulesOf(tx, talent.id)).map((r) => readPersonRules(r))].flat()
}

/** One rule per template (the first given wins), so a rule held twice is applied once. */
function mergeRules(rules: readonly RuleConfig[]): RuleConfig[] {
  const seen = new Set<string>()
  return rules.filter((rule) => (seen.has(rule.templateId) ? false : (seen.add(rule.templateId), true)))
}

/**
 * For the 入札制限 engine: every person serving the municipality on the day through sharing (shared or joint
 * appointment, agreed pool engagement, dispatch), as an engine Appointment carrying the person's restrictions, so a
 * shared person's rules hold at every municipality they serve (手順書 §4.4(9) with 参考4.4-⑦).
 */
export async function sharingAppointmentsFor(tx: Db, filter: { municipalityCode: string; activeOn: IsoDate }): Promise<Appointment[]> {
  const rows = await talentRepo.servingRowsOn(tx, filter.municipalityCode, filter.activeOn)
  const entries = [
    ...rows.shares.map((r) => ({ id: r.id, talentId: r.talent_id, startsOn: r.starts_on, endsOn: r.ends_on, rules: readPersonRules(r.bid_rules) })),
    ...rows.engagements.map((r) => ({ id: r.id, talentId: r.talent_id, startsOn: r.starts_on, endsOn: r.ends_on, rules: [] as RuleConfig[] })),
    ...rows.dispatches.map((r) => ({ id: r.id, talentId: r.talent_id, startsOn: r.scheduled_on!, endsOn: r.scheduled_on, rules: [] as RuleConfig[] })),
  ]
  const appointments: Appointment[] = []
  for (const entry of entries) {
    const talent = await talentRepo.findTalent(tx, entry.talentId)
    if (!talent) continue
    appointments.push({
      appointmentId: `sharing:${entry.id}`,
      municipalityCode: filter.municipalityCode,
      startsOn: entry.startsOn,
      endsOn: entry.endsOn,
      ruleSet: mergeRules([...entry.rules, ...(await personRulesOf(tx, talent))]),
      employments: await employmentsOf(tx, talent),
      roleOnProcurement: ['advises'],
    })
  }
  return appointments
}
