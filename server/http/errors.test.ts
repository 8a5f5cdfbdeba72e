import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { ErrorCode } from '#shared/errors'
import { AppError } from './errors.ts'

const SERVER = fileURLToPath(new URL('..', import.meta.url))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : []
  })
}

/** Every literal code thrown as `new AppError('CODE', …)` (also across a line break) in server/. */
function thrownCodes(): Map<string, string> {
  const codes = new Map<string, string>()
  for (const file of sourceFiles(SERVER)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/new AppError\(\s*(?:[^'()]*\?\s*)?'([A-Z_]+)'(?:\s*:\s*'([A-Z_]+)')?/g)) {
      for (const code of match.slice(1)) if (code) codes.set(code, file.slice(SERVER.length))
    }
  }
  return codes
}

describe('ErrorCode', () => {
  test('every code the server throws is in the shared union, so clients can branch on it', () => {
    const known = new Set<string>(ErrorCode.options)
    const thrown = thrownCodes()
    expect(thrown.size).toBeGreaterThan(10)
    expect([...thrown].filter(([code]) => !known.has(code)).map(([code, file]) => `${code} (${file})`)).toEqual([])
  })

  test('PROFILE_REQUIRED (a candidate without a skill profile asks for recommendations) answers 409', () => {
    expect(new AppError('PROFILE_REQUIRED', 'x').status).toBe(409)
  })
})
