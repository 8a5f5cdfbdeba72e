/**
 * The deployment smoke (`.ci/run`, or by hand): two app instances started at the same moment on one PostgreSQL
 * database, Debian's nginx in front with deploy/nginx/jichitai-dx.conf (TLS with a throw-away certificate), then
 * through the proxy: the client address reaches the audit log, a posting written on one instance is read on the
 * other, the digest job fires once for the two, and every migration is applied once. Stops everything it started.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx deploy/smoke.ts
 *
 * DATABASE_URL names a server where a scratch database may be created (and is dropped afterwards). Optional:
 * SMOKE_PORTS=a,b,http,https (default: free ports), NGINX_BIN (default /usr/sbin/nginx).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs'
import https from 'node:https'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import pg from 'pg'
import { todayInJapan } from '#shared/domain/dates'
import { openPostgres } from '../server/db/database.ts'
import { completeForm } from '../server/modules/postings/test-fixtures.ts'
import { createAccount, type TestAccount } from '../test/support/actors.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const NGINX = process.env.NGINX_BIN ?? '/usr/sbin/nginx'
/** The smoke's own client address: nginx must pass it on, and the app must trust only nginx (127.0.0.1). */
const CLIENT_ADDRESS = '127.0.0.2'

const adminUrl = process.env.DATABASE_URL
if (!adminUrl) throw new Error('DATABASE_URL (a PostgreSQL server for a scratch database) is required')

const work = mkdtempSync(join(tmpdir(), 'proxy-smoke-'))
chmodSync(work, 0o755)
const children: Array<{ name: string; process: ChildProcess; log: string }> = []
const database = `smoke_${randomBytes(6).toString('hex')}`
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString()

function step(message: string) {
  console.log(`-- ${message}`)
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message)
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer().once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => done(port))
    })
  })
}

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const log = join(work, `${name}.log`)
  const out = openSync(log, 'a')
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', out, out] })
  children.push({ name, process: child, log })
  return child
}

async function stopAll() {
  await Promise.all(
    children.map(
      ({ process: child }) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done()
          const force = setTimeout(() => child.kill('SIGKILL'), 10_000)
          child.once('exit', () => {
            clearTimeout(force)
            done()
          })
          child.kill('SIGTERM')
        }),
    ),
  )
}

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

/** deploy/nginx/jichitai-dx.conf with this run's ports and certificate; each change must find its line once. */
function renderSite(ports: { a: number; b: number; http: number; https: number }): string {
  let site = readFileSync(join(ROOT, 'deploy/nginx/jichitai-dx.conf'), 'utf8')
  const replace = (from: string, to: string) => {
    const found = site.split(from).length - 1
    check(found === 1, `deploy/nginx/jichitai-dx.conf: expected "${from}" once, found it ${found} times`)
    site = site.replace(from, to)
  }
  replace('server 127.0.0.1:3001 ', `server 127.0.0.1:${ports.a} `)
  replace('server 127.0.0.1:3002 ', `server 127.0.0.1:${ports.b} `)
  replace('listen 80;', `listen 127.0.0.1:${ports.http};`)
  replace('listen [::]:80;', '')
  replace('listen 443 ssl http2;', `listen 127.0.0.1:${ports.https} ssl;`)
  replace('listen [::]:443 ssl http2;', '')
  replace('/etc/ssl/jichitai-dx/fullchain.pem', join(work, 'cert.pem'))
  replace('/etc/ssl/jichitai-dx/privkey.pem', join(work, 'key.pem'))
  return site
}

function nginxConfig(site: string): string {
  for (const dir of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    mkdirSync(join(work, dir))
    chmodSync(join(work, dir), 0o777)
  }
  writeFileSync(join(work, 'site.conf'), site)
  return `daemon off;
worker_processes 1;
pid ${work}/nginx.pid;
error_log ${work}/nginx-error.log warn;
events { worker_connections 256; }
http {
  access_log ${work}/nginx-access.log;
  client_body_temp_path ${work}/body;
  proxy_temp_path ${work}/proxy;
  fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi;
  scgi_temp_path ${work}/scgi;
  # which instance answered (the smoke's own header; the site file sets none, so this one is inherited)
  add_header X-Upstream $upstream_addr always;
  include ${work}/site.conf;
}
`
}

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A browser-like caller through the proxy over TLS, from CLIENT_ADDRESS, keeping its cookies. */
function caller(httpsPort: number) {
  const cookies = new Map<string, string>()
  return async function call(method: string, path: string, body?: unknown): Promise<Answer & { json: <T>() => T }> {
    const payload = body === undefined ? undefined : JSON.stringify(body)
    const csrf = cookies.get('csrf_token')
    const answer = await new Promise<Answer>((done, fail) => {
      const request = https.request(
        {
          host: '127.0.0.1',
          port: httpsPort,
          localAddress: CLIENT_ADDRESS,
          method,
          path,
          rejectUnauthorized: false,
          servername: 'localhost',
          headers: {
            ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
            ...(cookies.size ? { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') } : {}),
            ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
            // what a client might forge; nginx replaces it with the address it saw
            'x-forwarded-for': '192.0.2.66',
          },
        },
        (response) => {
          let text = ''
          response.setEncoding('utf8')
          response.on('data', (chunk) => (text += chunk))
          response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body: text }))
        },
      )
      request.on('error', fail)
      request.end(payload)
    })
    for (const line of [answer.headers['set-cookie'] ?? []].flat()) {
      const [pair = ''] = line.split(';')
      const [name = '', value = ''] = pair.split('=')
      if (value === '') cookies.delete(name)
      else cookies.set(name, value)
    }
    return { ...answer, json: <T>() => JSON.parse(answer.body) as T }
  }
}

async function waitFor<T>(what: string, seconds: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + seconds * 1000
  for (;;) {
    for (const child of children) check(child.process.exitCode === null, `${child.name} exited (${child.process.exitCode}) while waiting for ${what}`)
    const value = await probe().catch(() => undefined)
    if (value !== undefined) return value
    check(Date.now() < deadline, `no ${what} within ${seconds} s`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

const healthy = (port: number) => async () => ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok ? true : undefined)

async function main() {
  const [a, b, http, httpsPort] = process.env.SMOKE_PORTS
    ? process.env.SMOKE_PORTS.split(',').map(Number)
    : [await freePort(), await freePort(), await freePort(), await freePort()]
  check(a && b && http && httpsPort, 'SMOKE_PORTS must name four ports: a,b,http,https')
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${database}`))

  step(`two app instances on ports ${a} and ${b}, started at the same moment on one new database`)
  const appEnv = (port: number) => ({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    PUBLIC_URL: `https://localhost:${httpsPort}`,
    TRUST_PROXY: '127.0.0.1',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    JOBS_POLL_SECONDS: '1',
  })
  for (const [name, port] of [
    ['app-a', a],
    ['app-b', b],
  ] as const)
    start(name, process.execPath, ['--import', 'tsx', 'server/main.ts'], appEnv(port))
  await waitFor('answer from both instances', 120, async () => ((await healthy(a)()) && (await healthy(b)()) ? true : undefined))

  step(`nginx on ${http} (HTTP) and ${httpsPort} (TLS) in front of them`)
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', join(work, 'key.pem'), '-out', join(work, 'cert.pem')],
    { stdio: 'ignore' },
  )
  writeFileSync(join(work, 'nginx.conf'), nginxConfig(renderSite({ a, b, http, https: httpsPort })))
  execFileSync(NGINX, ['-t', '-q', '-p', work, '-c', join(work, 'nginx.conf'), '-e', join(work, 'nginx-error.log')], { stdio: 'inherit' })
  start('nginx', NGINX, ['-p', work, '-c', join(work, 'nginx.conf'), '-e', join(work, 'nginx-error.log')])
  const call = caller(httpsPort)
  await waitFor('answer through nginx', 30, async () => ((await call('GET', '/healthz')).status === 200 ? true : undefined))
  const plain = await fetch(`http://127.0.0.1:${http}/sign-in`, { redirect: 'manual' })
  check(plain.status === 301 && plain.headers.get('location')?.startsWith('https://'), `plain HTTP should redirect to HTTPS, got ${plain.status}`)

  const engine = openPostgres(databaseUrl, 2)
  try {
    step('migrations: each file applied once')
    const files = readdirSync(join(ROOT, 'migrations')).filter((name) => name.endsWith('.sql'))
    const applied = (await sql<{ name: string }>`SELECT name FROM schema_migration`.execute(engine.db)).rows.map((row) => row.name)
    check(
      applied.length === files.length && new Set(applied).size === files.length,
      `${files.length} migration files but ${applied.length} rows (${new Set(applied).size} distinct)`,
    )

    step('sign-in through the proxy; the audit log has the client address, not the proxy')
    const password = `smoke-${randomBytes(9).toString('hex')}`
    const staff = {
      municipality: await createAccount(engine.db, { kind: 'municipality', localGovernmentCode: '382019', password }),
      prefecture: await createAccount(engine.db, { kind: 'prefecture', prefectureCode: '38', password }),
      national: await createAccount(engine.db, { kind: 'national', password }),
    }
    const signedIn = async (account: TestAccount) => {
      const as = caller(httpsPort)
      const answer = await as('POST', '/api/auth/sign-in', { email: account.email, password: account.password })
      check(answer.status === 200, `sign-in of ${account.kind} answered ${answer.status} ${answer.body}`)
      return as
    }
    const [municipality, prefecture, national] = [await signedIn(staff.municipality), await signedIn(staff.prefecture), await signedIn(staff.national)]
    const signInAudit = await engine.db
      .selectFrom('audit_event')
      .select('ip')
      .where('action', '=', 'account.signed_in')
      .where('target_id', '=', staff.municipality.id)
      .executeTakeFirstOrThrow()
    check(signInAudit.ip === CLIENT_ADDRESS, `audit log recorded ${signInAudit.ip}, expected the client's ${CLIENT_ADDRESS}`)

    step('a digest subscriber, confirmed through the proxy')
    const subscriber = `smoke-subscriber-${randomBytes(4).toString('hex')}@example.jp`
    check((await call('POST', '/api/posting-subscriptions', { email: subscriber, filters: {} })).status === 202, 'subscription refused')
    const confirmation = await engine.db.selectFrom('mail_outbox').select('body_text').where('to_address', '=', subscriber).executeTakeFirstOrThrow()
    const token = /token=([A-Za-z0-9_-]+)/.exec(confirmation.body_text)?.[1]
    check(token && (await call('POST', '/api/posting-subscriptions/confirm', { token })).status === 200, 'subscription not confirmed')

    step('a posting written on one instance is read on the other')
    const inDays = (days: number) => todayInJapan(new Date(Date.now() + days * 86_400_000))
    const title = `スモーク確認 CIO補佐官 ${randomBytes(3).toString('hex')}`
    const created = await municipality('POST', '/api/staff/postings', { ...completeForm, title, applicationEndsOn: inDays(30), termStartsOn: inDays(60) })
    check(created.status === 201, `posting not created: ${created.status} ${created.body}`)
    const { id } = created.json<{ id: string }>()
    const writer = created.headers['x-upstream']
    const read = await waitFor('a read from the other instance', 10, async () => {
      const answer = await municipality('GET', `/api/staff/postings/${id}`)
      return answer.headers['x-upstream'] !== writer ? answer : undefined
    })
    check(
      read.status === 200 && read.body.includes(JSON.stringify(title)),
      `the other instance (${String(read.headers['x-upstream'])}) read ${read.status} ${read.body.slice(0, 200)}`,
    )
    console.log(`   written via ${String(writer)}, read via ${String(read.headers['x-upstream'])}`)
    for (const [as, action] of [
      [municipality, 'submit'],
      [prefecture, 'forward'],
      [national, 'publish'],
    ] as const) {
      const moved = await as('POST', `/api/staff/postings/${id}/transitions`, { action })
      check(moved.status === 200, `${action} answered ${moved.status} ${moved.body}`)
    }

    step('the digest job, due now, fires once for the two instances (each polls every second)')
    await engine.db.updateTable('job_schedule').set({ next_run_at: new Date() }).where('name', '=', 'postings.digest').execute()
    const digests = () =>
      engine.db.selectFrom('mail_outbox').select('id').where('to_address', '=', subscriber).where('subject', 'like', '%新着・更新%').execute()
    await waitFor('digest mail in the outbox', 30, async () => ((await digests()).length > 0 ? true : undefined))
    await new Promise((resolve) => setTimeout(resolve, 4000))
    const sent = (await digests()).length
    check(sent === 1, `the subscriber got ${sent} digest mails`)

    for (const child of children) check(child.process.exitCode === null, `${child.name} has exited`)
    console.log('proxy smoke passed: two instances behind nginx, one migration run, one digest')
  } finally {
    await engine.close()
  }
}

let failed = false
try {
  await main()
} catch (error) {
  failed = true
  console.error(`proxy smoke failed: ${error instanceof Error ? error.message : String(error)}`)
  for (const child of children) {
    console.error(`--- ${child.name} (last lines)`)
    console.error(readFileSync(child.log, 'utf8').split('\n').slice(-30).join('\n'))
  }
} finally {
  await stopAll()
  await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)).catch((error) =>
    console.error(`could not drop ${database}: ${error}`),
  )
  rmSync(work, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
