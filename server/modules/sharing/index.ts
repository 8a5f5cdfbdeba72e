/*
 * sharing: talent pools (人材バンク) and their engagements, shared and joint appointments (共有任用・共同任用),
 * the prefecture's dispatch register (派遣), weekly capacity across all of a person's commitments, and the
 * prefecture dashboard. Other modules call only what is exported here.
 */
export { NO_CONFLICT_SOURCE, type ConflictSource, type SharingDeps } from './context.ts'
export { sharingAppointmentsFor } from './conflicts.ts'
export { withdrawAccountFromSharing } from './pools-service.ts'
export { commitmentsOf } from './talents-service.ts'
export { bidRestrictionConflictSource } from './conflict-source.ts'
export { prefectureDashboard, usageReport, type DashboardDeps, type DashboardSources } from './dashboard.ts'
export { bidAppointmentsOf, decideServiceConflict, type AdvisedProcurement, type ServiceConflictDecision, type ServiceConflictFacts } from './rules.ts'
