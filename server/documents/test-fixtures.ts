/** Tasks for the document pool's tests, run inside its workers. */
import { setTimeout as sleep } from 'node:timers/promises'
import { AppError } from '../http/errors.ts'

export async function echoLater(value: unknown, ms: number): Promise<unknown> {
  await sleep(ms)
  return value
}

export function bytesOf(text: string): Buffer {
  return Buffer.from(text, 'utf8')
}

export function refuse(): never {
  throw new AppError('INVALID_FILE', 'ファイルを読み込めませんでした。')
}
