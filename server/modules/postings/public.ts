/**
 * What anyone may read of the national list (全国の募集一覧): one published posting, the search, and the open-data
 * feed of everything ever published. Budgets are never part of it.
 */
import type { PostingMunicipality, PostingSearchQuery, PostingSummary, PublicPosting, PublicPostingForm } from '#shared/contracts/postings'
import { todayInJapan } from '#shared/domain/dates'
import type { Db } from '../../db/database.ts'
import { notFound } from '../../http/errors.ts'
import * as repository from './repository.ts'
import { bidRestrictionTexts, municipalityOf, type PostingDeps } from './service.ts'

export async function getPublicPosting(deps: PostingDeps, id: string): Promise<PublicPosting> {
  const row = await repository.findPublishedPosting(deps.db, id)
  if (!row) throw notFound('指定された募集は公開されていません。')
  return publicView(deps.db, row)
}

export async function publicView(db: Db, row: repository.PostingRow): Promise<PublicPosting> {
  const {
    budgetAnnualCost: _annual,
    budgetRecruitmentCost: _recruitment,
    ...form
  } = {
    ...repository.formOf(row),
    criteria: await repository.criteriaOf(db, row.id),
  }
  return {
    id: row.id,
    municipality: await municipalityOf(db, row.municipality_code),
    state: row.state,
    closeReason: row.close_reason,
    revision: row.revision,
    form,
    bidRestrictionTexts: bidRestrictionTexts(form),
    publishedAt: (row.published_at ?? row.updated_at).toISOString(),
    revisedAt: row.revised_at ? row.revised_at.toISOString() : null,
  }
}

export async function searchPublicPostings(deps: PostingDeps, query: PostingSearchQuery): Promise<{ items: PostingSummary[]; total: number }> {
  const { rows, total } = await repository.searchPublishedPostings(deps.db, query, todayInJapan(deps.clock()))
  const items = await Promise.all(
    rows.map(async (row) => ({ ...repository.summaryFields(row), municipality: await municipalityOf(deps.db, row.municipality_code) })),
  )
  return { items, total }
}

/** A posting of the open-data feed: its public form (never the budgets) and its record, for the open-data module. */
export interface FeedPosting {
  id: string
  state: 'published' | 'closed'
  closeReason: PublicPosting['closeReason']
  closedAt: Date | null
  publishedAt: Date
  revisedAt: Date | null
  revision: number
  updatedAt: Date
  municipality: PostingMunicipality
  form: PublicPostingForm
  bidRestrictionTexts: string[]
  jointAppointments: PostingMunicipality[]
}

/** Every posting that was published, closed ones included, oldest change first; see repository.feedPostings. */
export async function publishedPostingsFeed(
  db: Db,
  filter: { updatedSince?: Date; limit: number | null; offset: number },
): Promise<{ items: FeedPosting[]; total: number; lastModified: Date | null }> {
  const { rows, total, lastModified } = await repository.feedPostings(db, filter)
  const criteria = await repository.criteriaOfMany(
    db,
    rows.map((row) => row.id),
  )
  const items = await Promise.all(
    rows.map(async (row): Promise<FeedPosting> => {
      const { budgetAnnualCost: _annual, budgetRecruitmentCost: _recruitment, ...form } = { ...repository.formOf(row), criteria: criteria.get(row.id) ?? [] }
      return {
        id: row.id,
        state: row.state === 'closed' ? 'closed' : 'published',
        closeReason: row.close_reason,
        closedAt: row.closed_at,
        publishedAt: row.published_at ?? row.updated_at,
        revisedAt: row.revised_at,
        revision: row.revision,
        updatedAt: row.updated_at,
        municipality: await municipalityOf(db, row.municipality_code),
        form,
        bidRestrictionTexts: bidRestrictionTexts(form).map((clause) => clause.text),
        jointAppointments: await Promise.all(form.jointAppointmentCodes.map((code) => municipalityOf(db, code))),
      }
    }),
  )
  return { items, total, lastModified }
}
