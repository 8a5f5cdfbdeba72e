import type { PGliteOptions } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'

// Calendar dates stay 'YYYY-MM-DD' strings (no time-zone shift); int8 and counts become numbers (yen fit in 2^53).
export const DATE_OID = 1082
export const INT8_OID = 20
export const NUMERIC_OID = 1700

/** How the embedded database is opened, in this thread or in the database thread (pglite-worker.ts). */
export const pgliteOptions = {
  extensions: { pg_trgm },
  parsers: {
    [DATE_OID]: (value: string) => value,
    [INT8_OID]: (value: string) => Number(value),
    [NUMERIC_OID]: (value: string) => Number(value),
  },
} satisfies PGliteOptions
