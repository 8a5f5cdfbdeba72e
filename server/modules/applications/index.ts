/*
 * applications (応募 through 任用): applications, selection steps, appointments. Other modules call only what is
 * exported here.
 */
export {
  anonymiseCandidateApplications,
  applicationParties,
  applicantIds,
  appliedMunicipalityCodes,
  appointmentsFor,
  dataOfCandidate,
  type ApplicationDeps,
} from './service.ts'
export { allowedNextStatuses, appointmentWorkDays, decideStep, isPdf } from './rules.ts'
