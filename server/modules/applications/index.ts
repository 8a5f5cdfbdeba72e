/*
 * applications (応募 through 任用): applications, selection steps, appointments. Other modules call only what is
 * exported here.
 */
export {
  anonymiseCandidateApplications,
  applicationNotFound,
  applicationParties,
  applicantIds,
  appliedMunicipalityCodes,
  appointmentsFor,
  recordInterviewScheduled,
  dataOfCandidate,
  type ApplicationDeps,
} from './service.ts'
export { applicationJobs } from './timers.ts'
export { sendTermReminders } from './appointments-service.ts'
export { allowedNextStatuses, appointmentWorkDays, decideStep, isFinal, isPdf } from './rules.ts'
