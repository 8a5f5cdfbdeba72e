/**
 * Files in the 法人番号公表サイト layout for tests and the benchmark: rows of 30 cells (法人番号 リソース定義書),
 * written as a zip with one CSV entry, in Shift_JIS (Windows-31J) or UTF-8. Test and benchmark code only.
 */
import { createWriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import iconv from 'iconv-lite'
import yazl from 'yazl'

export interface FixtureRow {
  corporateNumber: string
  process?: string
  updatedOn?: string
  name: string
  prefecture?: string
  city?: string
  street?: string
  closedOn?: string
  closeCause?: string
  latest?: boolean
}

const quote = (value: string) => `"${value.replaceAll('"', '""')}"`

export function fixtureLine(row: FixtureRow, sequence: number): string {
  const cells = [
    row.corporateNumber,
    row.process ?? '01',
    '0',
    row.updatedOn ?? '2025-03-31',
    '2015-10-05',
    row.name,
    '',
    '301',
    row.prefecture ?? '愛媛県',
    row.city ?? '松山市',
    row.street ?? '一番町４丁目４－２',
    '',
    '38',
    '201',
    '7908570',
    '',
    '',
    row.closedOn ?? '',
    row.closeCause ?? '',
    '',
    '',
    '2015-10-05',
    row.latest === false ? '0' : '1',
    '',
    '',
    '',
    '',
    '',
    '0',
  ]
  return `${sequence},${cells.map(quote).join(',')}\r\n`
}

/** Writes `lines` (strings, in order, possibly many) into `zipPath` as one CSV entry, streamed. */
export async function writeFixtureZip(
  zipPath: string,
  lines: Iterable<string> | AsyncIterable<string>,
  encoding: 'utf-8' | 'cp932' = 'utf-8',
  entryName = 'data.csv',
): Promise<void> {
  const zip = new yazl.ZipFile()
  async function* bytes() {
    let pending: string[] = []
    for await (const line of lines) {
      pending.push(line)
      if (pending.length >= 1000) {
        yield iconv.encode(pending.join(''), encoding)
        pending = []
      }
    }
    if (pending.length > 0) yield iconv.encode(pending.join(''), encoding)
  }
  zip.addReadStream(Readable.from(bytes()), entryName)
  zip.end()
  await pipeline(zip.outputStream, createWriteStream(zipPath))
}
