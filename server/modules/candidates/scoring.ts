/**
 * The compact per-candidate facts matching reads (design §3 "bulk reads go through the owner").
 *
 * Shape of `ScoringProfile` (stored as `candidate_scoring_profile.profile` jsonb, rewritten in the same transaction
 * as every change to the profile, skills, employment or consent):
 *
 *   {
 *     candidateId: string,
 *     levels: DerivedLevel[],            // shared/domain/levels.ts: one per job type with any level, with its basis
 *     commonLevel: number | null,        // level from a level-1/2 exam, common to every job type
 *     certificationIds: string[],        // exams passed + current exams they count as (succeeded_by/same) + other
 *                                        // catalogue certifications; 'SC' only with a current 支援士 registration
 *     experienceYearsByKind: Record<ExperienceKind, number>,  // union of periods per kind, years to one decimal
 *     localGovernmentYears: number,      // = experienceYearsByKind.local_government
 *     availability: { daysPerWeek: number | null, remote: 'onsite'|'hybrid'|'remote', sideJob: boolean,
 *                     earliestStart: IsoDate | null },        // days per month are converted at 12/52 weeks
 *     prefectureCode: string | null,     // residence
 *     regions: string[],                 // 都道府県コード or 団体コード the person will work for
 *     desiredRoles: RoleId[],
 *     consent: { nationalList: boolean, prefecturePools: string[] },
 *     ministryListing: MinistryListing | null,   // 総務省 外部人材リスト (absent in rows written before it existed)
 *     computedOn: IsoDate,               // "today" when computed; open-ended experience grows after it
 *   }
 *
 * Indexed columns beside it: max_level, prefecture_code, national_list, pool_prefecture_codes, remote,
 * days_per_week, side_job; and candidate_job_type_level (candidate, job type) → level for range filters.
 */
import type { IsoDate } from '#shared/domain/dates'
import { type DerivedLevel, experienceYears, type LevelDerivation, unionDays } from '#shared/domain/levels'
import type { MinistryListing } from '#shared/domain/ministry-list/index'
import { ExperienceKind, type RoleId } from '#shared/domain/skill-standard/index'

export interface ScoringProfile {
  candidateId: string
  levels: DerivedLevel[]
  commonLevel: number | null
  certificationIds: string[]
  /** Registered qualifications passed without a current registration (absent in rows written before it existed). */
  unregisteredQualificationIds?: string[]
  experienceYearsByKind: Record<ExperienceKind, number>
  localGovernmentYears: number
  availability: { daysPerWeek: number | null; remote: 'onsite' | 'hybrid' | 'remote'; sideJob: boolean; earliestStart: IsoDate | null }
  prefectureCode: string | null
  regions: string[]
  desiredRoles: RoleId[]
  consent: { nationalList: boolean; prefecturePools: string[] }
  /** 総務省 外部人材リスト selection (手順書 参考4.4-⑤); absent in rows written before it existed = not listed. */
  ministryListing?: MinistryListing | null
  computedOn: IsoDate
}

export interface ScoringInput {
  candidateId: string
  derivation: LevelDerivation
  certificationIds: string[]
  unregisteredQualificationIds?: string[]
  experiences: readonly { kind: string; startsOn: IsoDate; endsOn: IsoDate | null }[]
  availability: { days: number | null; per: 'week' | 'month' | null; remote: 'onsite' | 'hybrid' | 'remote'; sideJob: boolean; earliestStart: IsoDate | null }
  prefectureCode: string | null
  regions: string[]
  desiredRoles: RoleId[]
  pools: readonly string[]
  ministryListing?: MinistryListing | null
  today: IsoDate
}

/** 月N日 → 週 N × 12 / 52 days, one decimal. */
export function daysPerWeekOf(days: number | null, per: 'week' | 'month' | null): number | null {
  if (days === null || per === null) return null
  return per === 'week' ? days : Math.round(((days * 12) / 52) * 10) / 10
}

export function buildScoringProfile(input: ScoringInput): ScoringProfile {
  const experienceYearsByKind = Object.fromEntries(
    ExperienceKind.options.map((kind) => [
      kind,
      experienceYears(
        unionDays(
          input.experiences.filter((entry) => entry.kind === kind),
          input.today,
        ),
      ),
    ]),
  ) as Record<ExperienceKind, number>
  return {
    candidateId: input.candidateId,
    levels: input.derivation.levels,
    commonLevel: input.derivation.commonLevel,
    certificationIds: input.certificationIds,
    unregisteredQualificationIds: input.unregisteredQualificationIds ?? [],
    experienceYearsByKind,
    localGovernmentYears: experienceYearsByKind.local_government,
    availability: {
      daysPerWeek: daysPerWeekOf(input.availability.days, input.availability.per),
      remote: input.availability.remote,
      sideJob: input.availability.sideJob,
      earliestStart: input.availability.earliestStart,
    },
    prefectureCode: input.prefectureCode,
    regions: input.regions,
    desiredRoles: input.desiredRoles,
    consent: {
      nationalList: input.pools.includes('national'),
      prefecturePools: input.pools.filter((pool) => pool !== 'national').sort(),
    },
    ministryListing: input.ministryListing ?? null,
    computedOn: input.today,
  }
}
