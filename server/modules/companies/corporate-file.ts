/**
 * The 国税庁法人番号公表サイト download (基本3情報, 全件 or 差分) read as published (法人番号 リソース定義書): a zip holding
 * one CSV without a header row, Shift_JIS (JIS第一・第二水準) or Unicode (UTF-8), 30 columns per row. Read as a
 * stream — zip entry → decoder → CSV parser — so memory does not grow with the file. Names and addresses are kept
 * exactly as published: no NFKC, so 全角 letters and ㈱ stay as they are.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { Transform, type Readable } from 'node:stream'
import { parse } from 'csv-parse'
import iconv from 'iconv-lite'
import yauzl from 'yauzl'
import { isValidCorporateNumber } from '#shared/domain/codes'
import { isIsoDate } from '#shared/domain/dates'

/** One row of the file: what the registry keeps of it. */
export interface CorporateRecord {
  /** 一連番号 (column 1): the row's place in the file. */
  sequence: number
  corporateNumber: string
  /** 処理区分: 01 新規, 11 商号又は名称の変更, 12 国内所在地の変更, 13 国外所在地の変更, 21 登記記録の閉鎖等, 22 閉鎖等の取消し, 71 吸収合併, 72 吸収合併無効, 81 商号の登記の抹消, 99 削除. */
  process: string
  /** 更新年月日 */
  updatedOn: string
  /** 変更年月日 */
  changedOn: string | null
  name: string
  /** 法人種別 (101 国の機関 … 301 株式会社 … 499 その他) */
  kind: string
  /** 国内所在地 (都道府県 + 市区町村 + 丁目番地等), else 国外所在地. */
  address: string | null
  postalCode: string | null
  /** 登記記録の閉鎖等年月日 */
  closedOn: string | null
  /** 登記記録の閉鎖等の事由 (01 清算の結了等, 11 合併による解散等, 21 登記官による閉鎖, 31 その他の清算の結了等) */
  closeCause: string | null
  /** 承継先法人番号 */
  successorCorporateNumber: string | null
  /** 最新履歴: only the latest row of a corporation describes it now. */
  latest: boolean
  furigana: string | null
}

export const CORPORATE_COLUMNS = 30

export class CorporateFileError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(message)
  }
}

function date(value: string, line: number, label: string): string | null {
  if (value === '') return null
  if (!isIsoDate(value)) throw new CorporateFileError(`${line}行目「${label}」: 日付（YYYY-MM-DD）ではありません。`, line)
  return value
}

const blank = (value: string | undefined) => (value === undefined || value === '' ? null : value)

/** One CSV row (30 cells) as a record; a row not in the published layout is an error naming the line. */
export function corporateRecordOf(cells: readonly string[], line: number): CorporateRecord {
  if (cells.length !== CORPORATE_COLUMNS) {
    throw new CorporateFileError(`${line}行目: 列の数が${cells.length}です（法人番号公表サイトの形式は${CORPORATE_COLUMNS}列）。`, line)
  }
  const cell = (index: number) => cells[index - 1]!
  const corporateNumber = cell(2)
  if (!isValidCorporateNumber(corporateNumber)) throw new CorporateFileError(`${line}行目「法人番号」: 13桁の法人番号ではありません（検査数字を含む）。`, line)
  const name = cell(7)
  if (name === '' || name.length > 200) throw new CorporateFileError(`${line}行目「商号又は名称」: 1〜200文字で記載されていません。`, line)
  const updatedOn = date(cell(5), line, '更新年月日')
  if (updatedOn === null) throw new CorporateFileError(`${line}行目「更新年月日」: 空欄です。`, line)
  const domestic = `${cell(10)}${cell(11)}${cell(12)}`
  const successor = blank(cell(21))
  return {
    sequence: Number(cell(1)),
    corporateNumber,
    process: cell(3),
    updatedOn,
    changedOn: date(cell(6), line, '変更年月日'),
    name,
    kind: cell(9),
    address: domestic !== '' ? domestic : blank(cell(17)),
    postalCode: blank(cell(16)),
    closedOn: date(cell(19), line, '登記記録の閉鎖等年月日'),
    closeCause: blank(cell(20)),
    successorCorporateNumber: successor && isValidCorporateNumber(successor) ? successor : null,
    latest: cell(24) !== '0',
    furigana: blank(cell(29)),
  }
}

/** UTF-8 if the first bytes decode as UTF-8 (a BOM or not), else Shift_JIS (read as Windows-31J, its superset). */
export function detectEncoding(head: Uint8Array): 'utf-8' | 'cp932' {
  // a multi-byte character cut at the end of the sample is not a sign of Shift_JIS
  let end = head.length
  for (let back = 1; back <= 3 && end - back >= 0; back += 1) {
    const byte = head[end - back]!
    if ((byte & 0xc0) === 0xc0) {
      end -= back
      break
    }
    if ((byte & 0x80) === 0) break
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end))
    return 'utf-8'
  } catch {
    return 'cp932'
  }
}

/** Decodes a byte stream after looking at its first chunk. */
function decoder(): Transform {
  let inner: Transform | null = null
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _encoding, callback) {
      if (!inner) {
        inner = iconv.decodeStream(detectEncoding(chunk), { stripBOM: true }) as unknown as Transform
        inner.on('data', (text: string) => this.push(text))
      }
      inner.write(chunk, callback)
    },
    flush(callback) {
      if (!inner) return callback()
      inner.end(() => callback())
    },
  })
}

/** The CSV entry of the zip as a byte stream, with the entry's name and uncompressed size. */
export function openCsvEntry(zipPath: string): Promise<{ stream: Readable; entryName: string; size: number }> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true, autoClose: true }, (error, zip) => {
      if (error || !zip) return reject(new CorporateFileError('zip ファイルとして読めません。'))
      zip.on('error', reject)
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!/\.csv$/i.test(entry.fileName)) return zip.readEntry()
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(new CorporateFileError('zip の中の CSV を開けません。'))
          resolve({ stream, entryName: entry.fileName, size: entry.uncompressedSize })
        })
      })
      zip.on('end', () => reject(new CorporateFileError('zip の中に CSV ファイルがありません。')))
      zip.readEntry()
    })
  })
}

/** Counts uncompressed bytes as they pass, for the progress display. */
function byteCounter(onBytes: (bytes: number) => void): Transform {
  let total = 0
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      total += chunk.length
      onBytes(total)
      callback(null, chunk)
    },
  })
}

/**
 * The file's rows in order, read lazily: the parser is paused while the caller awaits, so at most one parser
 * buffer and the caller's batch are in memory. `onBytes` receives the uncompressed bytes read so far.
 */
export async function* readCorporateFile(zipPath: string, onBytes: (bytes: number) => void = () => {}): AsyncGenerator<CorporateRecord> {
  const { stream } = await openCsvEntry(zipPath)
  // relax_quotes: a name may carry a lone double quote; the published files quote every cell
  const rows = stream
    .pipe(byteCounter(onBytes))
    .pipe(decoder())
    .pipe(parse({ relax_quotes: true, relax_column_count: true, skip_empty_lines: true }))
  let line = 0
  for await (const cells of rows as AsyncIterable<string[]>) {
    line += 1
    yield corporateRecordOf(cells, line)
  }
}

/** SHA-256 of the file, streamed: the identity of an import (the same file again resumes or is already done). */
export function fileDigest(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')))
  })
}
