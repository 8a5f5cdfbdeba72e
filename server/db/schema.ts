import type { ColumnType, Generated, JSONColumnType } from 'kysely'

/**
 * Table types for Kysely, kept beside the migrations that create them (one interface per table, the owning
 * module named on each). Dates are 'YYYY-MM-DD' strings; instants come back as Date.
 */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

/** owner: local-governments */
export interface LocalGovernmentTable {
  code: string
  prefecture_code: string
  name: string
  name_kana: string
  prefecture_name: string
  kind: 'prefecture' | 'designated_city' | 'core_city' | 'city' | 'special_ward' | 'town' | 'village'
  population: number | null
  population_source: string | null
  search_text: string
}

/** owner: skill-standard */
export interface SkillStandardEditionTable {
  version: string
  catalog: JSONColumnType<object, string, string>
  is_current: Generated<boolean>
  loaded_at: Generated<Timestamp>
}

/** owner: companies */
export interface CompanyTable {
  corporate_number: string
  name: string
  name_kana: string | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

/** owner: companies */
export interface CompanyLinkTable {
  id: Generated<string>
  kind: 'parent_subsidiary' | 'consolidated_group' | 'related'
  from_corporate_number: string
  to_corporate_number: string
  starts_on: string | null
  ends_on: string | null
  created_at: Generated<Timestamp>
}

export interface Database {
  local_government: LocalGovernmentTable
  skill_standard_edition: SkillStandardEditionTable
  company: CompanyTable
  company_link: CompanyLinkTable
}
