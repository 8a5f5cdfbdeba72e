export { findLocalGovernment } from './repository.ts'
export { seedLocalGovernments } from './seed.ts'
