/*
 * interviews (面接): staff propose one to three slots for an application, the applicant picks one or asks for
 * others; invitations as iCalendar (one UID per interview, SEQUENCE raised on each change or cancellation) by mail
 * and as a download; a reminder the day before. Other modules call only what is exported here.
 */
export { sendInterviewReminders, type InterviewDeps } from './service.ts'
export { interviewJobs } from './timers.ts'
