export { findLocalGovernment, searchLocalGovernments } from './repository.ts'
export { seedLocalGovernments } from './seed.ts'
