export { createJobRunner, type JobDefinition, type JobRunner } from './runner.ts'
