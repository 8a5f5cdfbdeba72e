import { z } from 'zod'

// zod would probe for eval (new Function) to compile its parsers, which the site's CSP refuses (script-src 'self').
// Imported first by main.ts, so it holds before any schema is parsed.
z.config({ jitless: true })
