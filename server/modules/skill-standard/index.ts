export { currentCatalog, seedSkillStandard } from './repository.ts'
