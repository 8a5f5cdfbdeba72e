/**
 * The text of a PDF, page by page, read with pdfjs-dist (pure JavaScript), so the PDF tests need nothing but Node:
 * what a reader's copy-and-paste or a screen reader would get from the document.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

export async function pdfText(bytes: Uint8Array): Promise<string> {
  // pdfjs transfers the buffer it is given; a copy keeps the caller's bytes intact.
  const document = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise
  try {
    const pages: string[] = []
    for (let number = 1; number <= document.numPages; number += 1) {
      const content = await (await document.getPage(number)).getTextContent()
      pages.push(content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : '')).join(''))
    }
    return pages.join('\n')
  } finally {
    await document.destroy()
  }
}
