import { afterEach, expect, test } from 'vitest'
import { AppError } from '../http/errors.ts'
import { type DocumentPool, createDocumentPool } from './pool.ts'

const TASKS = new URL('./test-fixtures.ts', import.meta.url)
let pool: DocumentPool | undefined

afterEach(async () => {
  await pool?.close()
  pool = undefined
})

test('a task runs in a worker and its Buffer comes back as a Buffer', async () => {
  pool = createDocumentPool({ workers: 1, queue: 4 })
  const bytes = await pool.run<Buffer>(TASKS, 'bytesOf', '募集要項')
  expect(Buffer.isBuffer(bytes)).toBe(true)
  expect(bytes.toString('utf8')).toBe('募集要項')
})

test('when every worker is busy and the queue is full, the next task is refused with 503 SERVER_BUSY; the others finish', async () => {
  pool = createDocumentPool({ workers: 1, queue: 1 })
  const running = pool.run(TASKS, 'echoLater', 'first', 300)
  const queued = pool.run(TASKS, 'echoLater', 'second', 0)
  const refused = await pool.run(TASKS, 'echoLater', 'third', 0).catch((error: unknown) => error)
  expect(refused).toBeInstanceOf(AppError)
  expect(refused).toMatchObject({ code: 'SERVER_BUSY', status: 503 })
  expect((refused as AppError).message).toMatch(/混み合って/)
  expect(await Promise.all([running, queued])).toEqual(['first', 'second'])
  // Room again once the queue has drained.
  expect(await pool.run(TASKS, 'echoLater', 'fourth', 0)).toBe('fourth')
})

test('an AppError thrown in the worker reaches the caller with its code and status; the worker keeps serving', async () => {
  pool = createDocumentPool({ workers: 1, queue: 1 })
  const error = await pool.run(TASKS, 'refuse').catch((failure: unknown) => failure)
  expect(error).toMatchObject({ code: 'INVALID_FILE', status: 400, message: 'ファイルを読み込めませんでした。' })
  expect(await pool.run(TASKS, 'echoLater', 'after', 0)).toBe('after')
})
