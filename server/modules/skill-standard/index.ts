export { skillStandardRoutes } from './routes.ts'
export { currentCatalog, seedSkillStandard } from './repository.ts'
