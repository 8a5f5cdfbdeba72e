/**
 * Documents of a posting: the PDF (anyone for a published posting, otherwise the staff who may read it), Excel
 * exports, and the Excel import (all rows or none, in one transaction).
 */
import type { PostingForm } from '#shared/domain/postings/form'
import { todayInJapan } from '#shared/domain/dates'
import { prefectureNameOf } from '#shared/domain/prefectures'
import type { Db } from '../../db/database.ts'
import type { DocumentPool } from '../../documents/pool.ts'
import type { Actor } from '../../http/actor.ts'
import { AppError, notFound } from '../../http/errors.ts'
import { PDF, XLSX } from '../../http/file-response.ts'
import { recordAudit } from '../audit/index.ts'
import type { PostingPdfInput } from './pdf.ts'
import * as repository from './repository.ts'
import { bidRestrictionTexts, municipalityOf, storableProblems, type PostingDeps, type RequestInfo } from './service.ts'
import { postingSearchText, readsInternalBudget, withoutInternalBudget } from './rules.ts'
import type { ExportRow, ImportProblem, readPostingsWorkbook } from './xlsx.ts'
import { columnOfPath } from './xlsx-columns.ts'

const PDF_MODULE = new URL('./pdf.ts', import.meta.url)
const XLSX_MODULE = new URL('./xlsx.ts', import.meta.url)

/** Rendering and parsing run in the document workers (server/documents/pool.ts), off the event loop. */
export interface DocumentDeps extends PostingDeps {
  documents: DocumentPool
}

function japanDate(instant: Date | null): string | null {
  return instant ? todayInJapan(instant) : null
}

async function fullForm(db: Db, row: repository.PostingRow): Promise<PostingForm> {
  return { ...repository.formOf(row), criteria: await repository.criteriaOf(db, row.id) }
}

export async function postingPdf(deps: DocumentDeps, actor: Actor, id: string) {
  const row = (await repository.findPublishedPosting(deps.db, id)) ?? (await repository.findStaffPosting(deps.db, repository.staffVisibility(actor), id))
  if (!row) throw notFound('指定された募集は見つかりません。')
  const { budgetAnnualCost: _a, budgetRecruitmentCost: _b, ...form } = await fullForm(deps.db, row)
  const municipality = await municipalityOf(deps.db, row.municipality_code)
  const joint = await Promise.all(form.jointAppointmentCodes.map((code) => municipalityOf(deps.db, code)))
  const input: PostingPdfInput = {
    form,
    municipality,
    state: row.state,
    revision: row.revision,
    publishedOn: japanDate(row.published_at),
    revisedOn: japanDate(row.revised_at),
    bidRestrictionTexts: bidRestrictionTexts(form),
    jointAppointmentNames: joint.map((lg) => `${lg.prefectureName}${lg.name}`),
    today: todayInJapan(deps.clock()),
  }
  const bytes = await deps.documents.run<Buffer>(PDF_MODULE, 'renderPostingPdf', input)
  return { bytes, contentType: PDF, fileName: `${municipality.name}_${form.title ?? '募集'}.pdf` }
}

function readsBudgetOf(actor: Actor, row: repository.PostingRow): boolean {
  return readsInternalBudget(actor, { municipalityCode: row.municipality_code, prefectureCode: row.prefecture_code })
}

async function exportRow(db: Db, row: repository.PostingRow, withBudget: boolean): Promise<ExportRow> {
  const form = await fullForm(db, row)
  return {
    id: row.id,
    state: row.state,
    municipality: await municipalityOf(db, row.municipality_code),
    forwardedOn: japanDate(row.forwarded_at),
    form: withBudget ? form : withoutInternalBudget(form),
  }
}

export async function postingXlsx(deps: DocumentDeps, actor: Actor, id: string) {
  const row = await repository.findStaffPosting(deps.db, repository.staffVisibility(actor), id)
  if (!row) throw notFound('指定された募集は見つかりません。')
  const withBudget = readsBudgetOf(actor, row)
  const exported = await exportRow(deps.db, row, withBudget)
  const bytes = await deps.documents.run<Buffer>(XLSX_MODULE, 'writePostingsWorkbook', [exported], `${exported.municipality.name} 募集`, withBudget)
  return { bytes, contentType: XLSX, fileName: `${exported.municipality.name}_${exported.form.title ?? '募集'}.xlsx` }
}

/** The empty workbook with its drop-down lists, for postings typed from scratch. */
export async function postingTemplateXlsx(deps: DocumentDeps) {
  const bytes = await deps.documents.run<Buffer>(XLSX_MODULE, 'writePostingsWorkbook', [], '標準募集様式（取り込み用）', true)
  return { bytes, contentType: XLSX, fileName: '標準募集様式_取り込み用.xlsx' }
}

/** A prefecture's postings forwarded to the national side in [from, to] (国: every prefecture's). */
export async function forwardedPostingsXlsx(deps: DocumentDeps, actor: Actor, from: string, to: string) {
  const prefectureCode = actor.kind === 'prefecture' ? actor.prefectureCode : actor.kind === 'national' ? null : undefined
  if (prefectureCode === undefined) throw new AppError('FORBIDDEN', 'この操作を行う権限がありません。')
  const rows = await repository.postingsForwardedBy(deps.db, prefectureCode, from, to)
  const withBudget = rows.every((row) => readsBudgetOf(actor, row))
  const exported = await Promise.all(rows.map((row) => exportRow(deps.db, row, withBudget)))
  const bytes = await deps.documents.run<Buffer>(XLSX_MODULE, 'writePostingsWorkbook', exported, `募集一覧 ${from}〜${to}`, withBudget)
  return { bytes, contentType: XLSX, fileName: `募集一覧_${from}_${to}.xlsx` }
}

function importFailed(problems: ImportProblem[]): AppError {
  return new AppError(
    'POSTING_IMPORT_FAILED',
    `取り込めませんでした（${problems.length}件の誤り）。どの行も取り込んでいません。各行の誤りを直してから取り込んでください。`,
    undefined,
    problems.slice(0, 200).map((problem) => ({ path: `${problem.row}行目 ${problem.column}`.trim(), message: problem.message })),
  )
}

/** Imports drafts into the staff member's municipality; any row with a problem and nothing is imported. */
export async function importPostingsXlsx(deps: DocumentDeps, actor: Actor, fileBase64: string, request?: RequestInfo) {
  if (actor.kind !== 'municipality') throw new AppError('FORBIDDEN', '取り込みは市区町村の担当者だけが行えます。')
  const { forms, problems } = await deps.documents.run<Awaited<ReturnType<typeof readPostingsWorkbook>>>(
    XLSX_MODULE,
    'readPostingsWorkbook',
    Buffer.from(fileBase64, 'base64'),
  )
  const now = deps.clock()
  const today = todayInJapan(now)
  const ownPrefecture = prefectureNameOf(actor.localGovernmentCode)
  for (const { row, form, code, prefecture } of forms) {
    if (code !== null && code !== actor.localGovernmentCode) {
      problems.push({ row, column: columnOfPath('code'), message: '他の団体の募集は取り込めません（空欄にするか自団体のコードにしてください）。' })
    }
    if (prefecture !== null && prefecture !== ownPrefecture) {
      problems.push({
        row,
        column: columnOfPath('prefecture'),
        message: `他の都道府県の募集は取り込めません（空欄にするか「${ownPrefecture}」にしてください）。`,
      })
    }
    for (const problem of storableProblems(form, { today, ownCode: actor.localGovernmentCode })) {
      problems.push({ row, column: columnOfPath(problem.path), message: problem.message })
    }
  }
  if (problems.length > 0) throw importFailed(problems.sort((a, b) => a.row - b.row))
  const municipality = await municipalityOf(deps.db, actor.localGovernmentCode)
  const ids = await deps.db.transaction().execute(async (tx) => {
    const created: string[] = []
    for (const { form } of forms) {
      const id = await repository.insertPosting(tx, {
        municipalityCode: actor.localGovernmentCode,
        prefectureCode: actor.localGovernmentCode.slice(0, 2),
        form,
        searchText: postingSearchText(form, municipality),
        createdBy: actor.userId,
        now,
      })
      created.push(id)
    }
    await recordAudit(tx, {
      actor,
      action: 'posting.imported',
      targetType: 'posting',
      details: { count: created.length, ids: created },
      ...(request ? { request } : {}),
    })
    return created
  })
  return { imported: ids.length, ids }
}
