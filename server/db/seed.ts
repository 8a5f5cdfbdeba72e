import type { Db } from './database.ts'
import { seedLocalGovernments } from '../modules/local-governments/index.ts'
import { seedSkillStandard } from '../modules/skill-standard/index.ts'

/** Idempotent reference data: what is missing is inserted, what an administrator corrected is kept. */
export async function seedReferenceData(db: Db): Promise<void> {
  await seedLocalGovernments(db)
  await seedSkillStandard(db)
}
