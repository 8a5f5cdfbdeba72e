/*
 * messages (メッセージ): one thread per application between the posting municipality's staff and the applicant,
 * with PDF attachments, read markers per person and a mailed notice without the text. Other modules call only
 * what is exported here.
 */
export { anonymiseCandidateMessages, messagesOfCandidate, type MessageDeps } from './service.ts'
