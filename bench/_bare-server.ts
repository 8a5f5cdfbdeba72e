/**
 * The national-day benchmark's same-run anchors, each a bare Fastify process (no hooks, sessions, headers,
 * compression or schema): `hello` answers a constant, `posting-read` answers GET /api/postings/:id with the app's
 * own posting read (the postings module's getPublicPosting: the same SQL on a pool of the app's default size).
 */
import Fastify from 'fastify'
import { openPostgres } from '../server/db/database.ts'
import { getPublicPosting } from '../server/modules/postings/public.ts'

const mode = process.argv[2]
const port = Number(process.env.PORT)
const app = Fastify({ logger: false })
app.get('/healthz', () => ({ ok: true }))
if (mode === 'hello') app.get('/hello', () => ({ hello: 'world' }))
let close = async () => {}
if (mode === 'posting-read') {
  const engine = openPostgres(process.env.DATABASE_URL!)
  close = () => engine.close()
  const deps = { db: engine.db, clock: () => new Date(), config: { publicUrl: `http://127.0.0.1:${port}` } }
  app.get<{ Params: { id: string } }>('/api/postings/:id', (request) => getPublicPosting(deps, request.params.id))
}
await app.listen({ port, host: '127.0.0.1' })
process.once('SIGTERM', () => {
  void app
    .close()
    .then(close)
    .then(() => process.exit(0))
})
