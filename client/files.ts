/** Files the client sends to or receives from the API as base64 inside JSON. */

export type PdfUpload = { fileName: string; contentBase64: string }

/** Reads a picked file as base64, or says why not (too large); the server checks the PDF signature itself. */
export async function readUpload(file: File, maxBytes: number): Promise<{ upload: PdfUpload } | { error: string }> {
  if (file.size > maxBytes) return { error: `ファイルは${Math.round(maxBytes / 1024 / 1024)}MB以内にしてください。` }
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return { upload: { fileName: file.name, contentBase64: btoa(binary) } }
}

/** Hands base64 content to the browser as a download. */
export function saveBase64(fileName: string, contentBase64: string, type: string): void {
  const binary = atob(contentBase64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i)
  const url = URL.createObjectURL(new Blob([bytes], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  URL.revokeObjectURL(url)
}
