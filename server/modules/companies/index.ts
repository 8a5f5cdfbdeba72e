export { companyRoutes } from './routes.ts'
export { findCompany } from './repository.ts'
