/**
 * Folds Japanese text for substring search: full-width → half-width (NFKC), katakana → hiragana, lower case,
 * no spaces. Stored search columns and user queries go through the same function, so "マツヤマ", "まつやま" and
 * "ﾏﾂﾔﾏ" all find 松山市's kana.
 */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u30a1-\u30f6]/g, (katakana) => String.fromCharCode(katakana.charCodeAt(0) - 0x60))
    .toLowerCase()
    .replace(/\s+/g, '')
}

/** Escapes LIKE wildcards so a user's "%" or "_" is matched literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}
