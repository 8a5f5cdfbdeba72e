// The database thread's entry, in plain JavaScript so a worker thread can start it whatever loader the main thread
// was given: it registers tsx for this thread, then loads the TypeScript worker.
import { register } from 'tsx/esm/api'

register()
await import('./pglite-worker.ts')
