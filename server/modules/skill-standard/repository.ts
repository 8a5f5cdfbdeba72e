import { SKILL_STANDARD_VERSION, skillStandardCatalog } from '#shared/domain/skill-standard/index'
import { SkillStandardCatalog } from '#shared/domain/skill-standard/schema'
import type { Db } from '../../db/database.ts'

/** The edition in force, as stored (an administrator may have corrected unconfirmed cells). */
export async function currentCatalog(db: Db): Promise<SkillStandardCatalog> {
  const row = await db.selectFrom('skill_standard_edition').select('catalog').where('is_current', '=', true).executeTakeFirstOrThrow()
  return SkillStandardCatalog.parse(row.catalog)
}

/** Loads the edition shipped with the code when it is not stored yet, and makes it current. */
export async function seedSkillStandard(db: Db): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const stored = await tx.selectFrom('skill_standard_edition').select('version').where('version', '=', SKILL_STANDARD_VERSION).executeTakeFirst()
    if (stored) return
    await tx.updateTable('skill_standard_edition').set({ is_current: false }).where('is_current', '=', true).execute()
    await tx
      .insertInto('skill_standard_edition')
      .values({ version: SKILL_STANDARD_VERSION, catalog: JSON.stringify(skillStandardCatalog), is_current: true })
      .execute()
  })
}
