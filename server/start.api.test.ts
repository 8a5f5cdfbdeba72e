import { type ChildProcess, spawn } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'

// The server as `npm start` runs it after building the client (server/start.ts imports server/main.ts), on the
// embedded database: PORT=0 takes any free port, and the printed address must name the port actually served.
const started: ChildProcess[] = []
let scratch: string | undefined

async function scratchDir(): Promise<string> {
  scratch ??= await mkdtemp(join(tmpdir(), 'start-test-'))
  return scratch
}

function startServer(dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '', PUBLIC_URL: '', SEED_DEMO: 'false', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  started.push(child)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, exited, output: () => ({ stdout, stderr }) }
}

afterAll(async () => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGTERM')
  if (scratch) await rm(scratch, { recursive: true, force: true })
})

test('データフォルダがなくても作成して起動し、表示したアドレスで /healthz が 200 を返す', { timeout: 120_000 }, async () => {
  const dataDir = join(await scratchDir(), 'not', 'yet', 'there')
  const server = startServer(dataDir)
  const deadline = Date.now() + 110_000
  let address: string | undefined
  while (!address) {
    if (server.child.exitCode !== null) throw new Error(`exited ${server.child.exitCode}: ${server.output().stderr}`)
    if (Date.now() > deadline) throw new Error(`no start line: ${server.output().stdout}`)
    address = /起動しました: (http:\/\/\S+)/.exec(server.output().stdout)?.[1]
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  const url = new URL(address)
  expect(url.hostname).toBe('localhost')
  expect(url.port).not.toBe('0')
  const health = await fetch(new URL('/healthz', `http://127.0.0.1:${url.port}`))
  expect(health.status).toBe(200)
  expect(await readdir(join(dataDir, 'pg'))).toContain('PG_VERSION')
  server.child.kill('SIGTERM')
  expect(await server.exited).toBe(0)
})

test.concurrent('DATA_DIR がファイルなら、その場所を示す一行で終了コード 1、ファイルはそのまま', { timeout: 60_000 }, async () => {
  const file = join(await scratchDir(), 'a-file')
  await writeFile(file, 'keep me')
  const server = startServer(file)
  expect(await server.exited).toBe(1)
  const lines = server.output().stderr.trim().split('\n')
  expect(lines).toEqual([`DATA_DIR ${file} はフォルダではなくファイルです。別のフォルダを指定してください。`])
  expect(await readFile(file, 'utf8')).toBe('keep me')
})

test.concurrent('作成できない DATA_DIR（ファイルの下）は一行で終了コード 1', { timeout: 60_000 }, async () => {
  const file = join(await scratchDir(), 'another-file')
  await writeFile(file, 'x')
  const server = startServer(join(file, 'data'))
  expect(await server.exited).toBe(1)
  expect(server.output().stderr.trim()).toMatch(new RegExp(`^DATA_DIR ${join(file, 'data')} を作成できないか、書き込めません（ENOTDIR）。[^\\n]*$`))
})

test.concurrent('別の版の PGlite フォルダは開かずに一行で終了コード 1、中身は書き換えない', { timeout: 60_000 }, async () => {
  const dataDir = join(await scratchDir(), 'old')
  await mkdir(join(dataDir, 'pg'), { recursive: true })
  await writeFile(join(dataDir, 'pg', 'PG_VERSION'), '16\n')
  const server = startServer(dataDir)
  expect(await server.exited).toBe(1)
  expect(server.output().stderr.trim()).toMatch(/^データフォルダ \S+old\/pg は PostgreSQL 16 用で、組み込みの PostgreSQL 17 では開けません。[^\n]*$/)
  expect(await readdir(join(dataDir, 'pg'))).toEqual(['PG_VERSION'])
  expect(await readFile(join(dataDir, 'pg', 'PG_VERSION'), 'utf8')).toBe('16\n')
})

test.concurrent('PGlite のものでない中身のあるフォルダにはデータベースを作らない', { timeout: 60_000 }, async () => {
  const dataDir = join(await scratchDir(), 'foreign')
  await mkdir(join(dataDir, 'pg'), { recursive: true })
  await writeFile(join(dataDir, 'pg', 'notes.txt'), 'mine')
  const server = startServer(dataDir)
  expect(await server.exited).toBe(1)
  expect(server.output().stderr.trim()).toMatch(/^データフォルダ \S+foreign\/pg は PGlite のデータベースではありません。[^\n]*$/)
  expect(await readdir(join(dataDir, 'pg'))).toEqual(['notes.txt'])
})
