/**
 * What the HTTP benchmarks share: the app started as its own process (`node --import tsx server/main.ts`, as
 * `npm start` runs it), signing in through the real route with the CSRF token the app requires, timed requests,
 * and the server's resident memory.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** A database of its own on the server at `url`, as a connection string. */
export function databaseUrlOf(url: string, database: string): string {
  const target = new URL(url)
  target.pathname = `/${database}`
  return target.toString()
}

async function waitUntilUp(child: ChildProcess, base: string): Promise<void> {
  for (let attempt = 0; attempt < 1200; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    const up = await fetch(`${base}/healthz`).then(
      (response) => response.ok,
      () => false,
    )
    if (up) return
    await new Promise((done) => setTimeout(done, 100))
  }
  throw new Error(`server at ${base} did not start`)
}

export interface Server {
  base: string
  child: ChildProcess
  stop: () => Promise<void>
}

/** Starts a Node script of this repository (the app by default) on `port` and waits for its /healthz. */
export async function startServer(options: {
  port: number
  databaseUrl?: string
  script?: string
  args?: string[]
  env?: Record<string, string>
}): Promise<Server> {
  const base = `http://127.0.0.1:${options.port}`
  const child = spawn(process.execPath, ['--import', 'tsx', options.script ?? 'server/main.ts', ...(options.args ?? [])], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  await waitUntilUp(child, base)
  const stop = async () => {
    if (child.exitCode !== null) return
    const exited = new Promise((done) => child.once('exit', done))
    child.kill('SIGTERM')
    await exited
  }
  return { base, child, stop }
}

export interface Session {
  cookie: string
  csrfToken: string
}

/** Signs in through POST /api/auth/sign-in; the session cookie and the CSRF token for later requests. */
export async function signInOverHttp(base: string, email: string, password: string): Promise<Session> {
  const response = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (response.status !== 200) throw new Error(`sign-in of ${email} failed: ${response.status} ${await response.text()}`)
  await response.arrayBuffer()
  const cookies = new Map(response.headers.getSetCookie().map((line) => line.split(';')[0]!.split('=') as [string, string]))
  const sid = cookies.get('sid')
  const csrfToken = cookies.get('csrf_token')
  if (!sid || !csrfToken) throw new Error('sign-in set no session cookies')
  return { cookie: `sid=${sid}; csrf_token=${csrfToken}`, csrfToken }
}

export interface Timed {
  ms: number
  status: number
}

/** One request, its body read to the end; a failed connection counts as status 0. */
export async function timedRequest(url: string, init: RequestInit & { session?: Session } = {}): Promise<Timed> {
  const { session, ...rest } = init
  const headers: Record<string, string> = { ...(rest.headers as Record<string, string> | undefined) }
  if (session) {
    headers.cookie = session.cookie
    headers['x-csrf-token'] = session.csrfToken
  }
  if (rest.body !== undefined) headers['content-type'] = 'application/json'
  const started = performance.now()
  try {
    const response = await fetch(url, { ...rest, headers })
    await response.arrayBuffer()
    return { ms: performance.now() - started, status: response.status }
  } catch {
    return { ms: performance.now() - started, status: 0 }
  }
}

/** The resident set size of a process in MB (Linux /proc), or NaN where it cannot be read. */
export function rssMb(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) / 1024 : Number.NaN
  } catch {
    return Number.NaN
  }
}

/** The PostgreSQL settings a figure ran on, printed beside it. */
export const SETTINGS_SQL = `SELECT name, setting, unit FROM pg_settings WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'shared_buffers', 'work_mem', 'max_parallel_workers_per_gather') ORDER BY name`

export function settingsLine(rows: readonly { name: string; setting: string; unit: string | null }[]): string {
  return rows.map((row) => `${row.name}=${row.setting}${row.unit ? ` ${row.unit}` : ''}`).join(', ')
}
