/** Pure rules of sharing talent across municipalities: the server and the client both run them. */
export * from './capacity.ts'
export * from './scheme.ts'
export * from './shares.ts'
export * from './workflow.ts'
export * from './pools.ts'
export * from './dashboard.ts'
