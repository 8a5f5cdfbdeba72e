import { isIP } from 'node:net'
import { availableParallelism } from 'node:os'
import { getHeapStatistics } from 'node:v8'
import { z } from 'zod'

/** proxy-addr's names for address ranges, accepted as they are by Fastify's trustProxy. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal'])

/** One trusted hop: an address, a CIDR range (`10.0.0.0/8`, `fd00::/8`) or one of RANGE_NAMES. */
export function isProxyAddress(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true
  const [address = '', prefix, extra] = entry.split('/')
  const family = isIP(address)
  if (family === 0 || extra !== undefined) return false
  if (prefix === undefined) return true
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128)
}

const ProxyList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  )
  .refine((entries) => entries.every(isProxyAddress), {
    message: 'TRUST_PROXY は、アドレスか CIDR（例: 127.0.0.1,10.0.0.0/8）または loopback をカンマ区切りで指定してください。',
  })

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** postgres://… selects a real PostgreSQL server; unset means embedded PGlite under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  /**
   * Connections in the pool to PostgreSQL, and how long a request may wait for one (or, on the embedded database,
   * for its one connection) before it is answered 503 SERVER_BUSY with Retry-After instead of queueing; 0: no bound.
   */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).default(10),
  DATABASE_WAIT_MS: z.coerce.number().int().min(0).default(2000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * The reverse proxies in front (addresses, CIDRs, or loopback/linklocal/uniquelocal, comma-separated): the client
   * address is read from X-Forwarded-For only through these hops. Unset: the connection's own address.
   */
  TRUST_PROXY: ProxyList.default([]),
  /** Public address used in links sent by mail; unset = the address the server listens on (HOST, PORT). */
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('自治体DX人材マッチング <no-reply@localhost>'),
  /** Demo accounts are created when the database has no users; `false` turns it off. */
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  /** Every demo account gets this password instead of a random one (browser tests); unset = random, printed once. */
  DEMO_PASSWORD: z.string().min(12).optional(),
  /** A session ends after this long without a request (idle) and, in any case, this long after sign-in. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  /** argon2id cost (OWASP minimum m=19 MiB, t=2); tests lower it, since verification reads the cost from the hash. */
  PASSWORD_HASH_MEMORY_KIB: z.coerce.number().int().min(8).default(19456),
  PASSWORD_HASH_ITERATIONS: z.coerce.number().int().min(1).default(2),
  /**
   * Sign-in, sign-up and password-reset attempts allowed per window: per (IP, e-mail), per e-mail from any address,
   * and per IP address (many people may share one office's address). Sign-in also waits a growing delay per e-mail.
   */
  AUTH_ATTEMPTS_PER_WINDOW: z.coerce.number().int().min(1).default(10),
  AUTH_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().min(1).default(30),
  AUTH_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).default(100),
  AUTH_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** How often each instance asks whether a periodic job is due (the jobs' own periods are unchanged by it). */
  JOBS_POLL_SECONDS: z.coerce.number().int().min(1).default(15),
  /** How often pending mail is retried (it is also sent right after each change that queues it). */
  MAIL_RETRY_SECONDS: z.coerce.number().int().min(1).default(30),
  /** How often saved searches' digests are looked for (each search still gets at most one mail per day or week). */
  SAVED_SEARCH_DIGEST_SECONDS: z.coerce.number().int().min(1).default(900),
  /**
   * Worker threads rendering PDFs and workbooks (default: one core fewer than the machine has, at least one, so
   * requests keep a core), and how many such tasks may wait for one before 503.
   */
  DOCUMENT_WORKERS: z.coerce
    .number()
    .int()
    .min(1)
    .max(16)
    .default(Math.max(1, availableParallelism() - 1)),
  DOCUMENT_QUEUE: z.coerce.number().int().min(0).default(16),
  /**
   * Overload is shed with 503 SERVER_BUSY (and Retry-After) while the event loop's mean delay over the last second
   * exceeds this, or the JavaScript heap holds more than this (default: 90 % of the heap limit); 0 turns a check off.
   */
  OVERLOAD_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).default(500),
  OVERLOAD_HEAP_USED_MB: z.coerce
    .number()
    .int()
    .min(0)
    .default(Math.floor((getHeapStatistics().heap_size_limit / 1_048_576) * 0.9)),
  OVERLOAD_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).default(10),
  /**
   * A request must arrive whole within REQUEST_TIMEOUT_SECONDS (slow senders get 408); a connection silent for
   * CONNECTION_TIMEOUT_SECONDS is closed; an idle keep-alive connection is kept KEEP_ALIVE_TIMEOUT_SECONDS (longer
   * than a proxy's own upstream keep-alive, so the proxy never reuses a connection the app is closing).
   */
  REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(60),
  CONNECTION_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(120),
  KEEP_ALIVE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(72),
})

export interface Config {
  readonly port: number
  readonly host: string
  readonly databaseUrl: string | undefined
  readonly dataDir: string
  readonly databasePoolSize: number
  readonly databaseWaitMs: number
  readonly logLevel: z.infer<typeof Env>['LOG_LEVEL']
  readonly trustProxy: readonly string[]
  readonly publicUrl: string
  readonly smtpUrl: string | undefined
  readonly mailFrom: string
  readonly seedDemo: boolean
  readonly demoPassword: string | undefined
  readonly sessionIdleMinutes: number
  readonly sessionAbsoluteHours: number
  readonly passwordHashMemoryKib: number
  readonly passwordHashIterations: number
  readonly authAttemptsPerWindow: number
  readonly authAttemptsPerAccount: number
  readonly authAttemptsPerIp: number
  readonly authWindowMinutes: number
  readonly jobsPollSeconds: number
  readonly mailRetrySeconds: number
  readonly savedSearchDigestSeconds: number
  readonly documentWorkers: number
  readonly documentQueue: number
  readonly overloadEventLoopDelayMs: number
  readonly overloadHeapUsedMb: number
  readonly overloadRetryAfterSeconds: number
  readonly requestTimeoutSeconds: number
  readonly connectionTimeoutSeconds: number
  readonly keepAliveTimeoutSeconds: number
}

const LOOPBACK_OR_ANY = new Set(['127.0.0.1', 'localhost', '::1', '0.0.0.0', '::'])

/** The address a browser on this machine reaches the server at: a loopback or wildcard host reads as localhost. */
function listenUrl(host: string, port: number): string {
  const name = LOOPBACK_OR_ANY.has(host) ? 'localhost' : host.includes(':') ? `[${host}]` : host
  return `http://${name}:${port}`
}

/** The environment, parsed once; nothing else reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.parse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')))
  return Object.freeze({
    port: parsed.PORT,
    host: parsed.HOST,
    databaseUrl: parsed.DATABASE_URL,
    dataDir: parsed.DATA_DIR,
    databasePoolSize: parsed.DATABASE_POOL_SIZE,
    databaseWaitMs: parsed.DATABASE_WAIT_MS,
    logLevel: parsed.LOG_LEVEL,
    trustProxy: Object.freeze(parsed.TRUST_PROXY),
    publicUrl: parsed.PUBLIC_URL ?? listenUrl(parsed.HOST, parsed.PORT),
    smtpUrl: parsed.SMTP_URL,
    mailFrom: parsed.MAIL_FROM,
    seedDemo: parsed.SEED_DEMO === 'true',
    demoPassword: parsed.DEMO_PASSWORD,
    sessionIdleMinutes: parsed.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: parsed.SESSION_ABSOLUTE_HOURS,
    passwordHashMemoryKib: parsed.PASSWORD_HASH_MEMORY_KIB,
    passwordHashIterations: parsed.PASSWORD_HASH_ITERATIONS,
    authAttemptsPerWindow: parsed.AUTH_ATTEMPTS_PER_WINDOW,
    authAttemptsPerAccount: parsed.AUTH_ATTEMPTS_PER_ACCOUNT,
    authAttemptsPerIp: parsed.AUTH_ATTEMPTS_PER_IP,
    authWindowMinutes: parsed.AUTH_WINDOW_MINUTES,
    jobsPollSeconds: parsed.JOBS_POLL_SECONDS,
    mailRetrySeconds: parsed.MAIL_RETRY_SECONDS,
    savedSearchDigestSeconds: parsed.SAVED_SEARCH_DIGEST_SECONDS,
    documentWorkers: parsed.DOCUMENT_WORKERS,
    documentQueue: parsed.DOCUMENT_QUEUE,
    overloadEventLoopDelayMs: parsed.OVERLOAD_EVENT_LOOP_DELAY_MS,
    overloadHeapUsedMb: parsed.OVERLOAD_HEAP_USED_MB,
    overloadRetryAfterSeconds: parsed.OVERLOAD_RETRY_AFTER_SECONDS,
    requestTimeoutSeconds: parsed.REQUEST_TIMEOUT_SECONDS,
    connectionTimeoutSeconds: parsed.CONNECTION_TIMEOUT_SECONDS,
    keepAliveTimeoutSeconds: parsed.KEEP_ALIVE_TIMEOUT_SECONDS,
  })
}

/** A config for tests and scripts: quiet, embedded, no demo users, cheap password hashes. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return Object.freeze({
    ...loadConfig({}),
    logLevel: 'silent',
    seedDemo: false,
    passwordHashMemoryKib: 1024,
    passwordHashIterations: 1,
    // Test files share a busy machine: the event loop's delay measures the other files' load, not the app's, so
    // shedding on it would turn requests into 503s at random (the overload tests set their own limits).
    overloadEventLoopDelayMs: 0,
    ...overrides,
  })
}
