/**
 * A small RFC 4180 CSV reader for the company import: quoted fields with "" escapes and line breaks, CRLF or LF,
 * a UTF-8 BOM at the start. Returns the rows with their 1-based line numbers, so errors can name the line.
 */
export interface CsvRow {
  line: number
  cells: string[]
}

export function parseCsv(text: string): { rows: CsvRow[]; error: string | null } {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text
  const rows: CsvRow[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let rowLine = 1
  let index = 0
  const endRow = () => {
    cells.push(cell)
    if (!(cells.length === 1 && cells[0]!.trim() === '')) rows.push({ line: rowLine, cells })
    cells = []
    cell = ''
  }
  while (index < input.length) {
    const char = input[index]!
    if (quoted) {
      if (char === '"') {
        if (input[index + 1] === '"') {
          cell += '"'
          index += 2
          continue
        }
        quoted = false
      } else {
        if (char === '\n') line += 1
        cell += char
      }
      index += 1
      continue
    }
    if (char === '"' && cell === '') {
      quoted = true
    } else if (char === ',') {
      cells.push(cell)
      cell = ''
    } else if (char === '\r' && input[index + 1] === '\n') {
      // the \n ends the row
    } else if (char === '\n') {
      endRow()
      line += 1
      rowLine = line
    } else {
      cell += char
    }
    index += 1
  }
  if (quoted) return { rows, error: `${rowLine}行目: 引用符（"）が閉じられていません。` }
  if (cell !== '' || cells.length > 0) endRow()
  return { rows, error: null }
}
