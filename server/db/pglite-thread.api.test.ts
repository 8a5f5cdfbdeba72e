import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, test } from 'vitest'
import { openPgliteThread } from './database.ts'
import { migrate } from './migrate.ts'

const dir = mkdtempSync(join(tmpdir(), 'pglite-thread-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('組み込みデータベースはサーバーと別のスレッドで動く', () => {
  test('書いたものは閉じて開き直しても残り、型とエラーコードはそのまま届く', async () => {
    const first = await openPgliteThread(join(dir, 'pg'))
    await migrate(first)
    await sql`CREATE TABLE kept (day date, yen int8)`.execute(first.db)
    const inserted = await sql`INSERT INTO kept VALUES ('2026-04-01', 9007199254740991)`.execute(first.db)
    expect(inserted.numAffectedRows).toBe(1n)
    const failure = await sql`SELECT 1 / 0`.execute(first.db).catch((error: unknown) => error)
    expect(failure).toMatchObject({ code: '22012', message: 'division by zero' })
    await first.close()
    const second = await openPgliteThread(join(dir, 'pg'))
    expect((await sql<{ day: string; yen: number }>`SELECT day, yen FROM kept`.execute(second.db)).rows).toEqual([{ day: '2026-04-01', yen: 9007199254740991 }])
    await second.close()
  })

  test('時間のかかる文の実行中も、サーバーのスレッドは止まらない', async () => {
    const engine = await openPgliteThread('memory://')
    let ticks = 0
    const timer = setInterval(() => (ticks += 1), 10)
    await sql`SELECT pg_sleep(1)`.execute(engine.db)
    clearInterval(timer)
    await engine.close()
    // PGlite in this thread would block it for the whole second: no tick at all
    expect(ticks).toBeGreaterThan(5)
  })
})
