import { z } from 'zod'

const FileBytes = z.string().meta({ format: 'binary' })

/** The success response of a download route, for the OpenAPI document (the bytes are sent as they are). */
export function fileResponse(contentType: string, description: string) {
  return { 200: { description, content: { [contentType]: { schema: FileBytes } } } }
}

export const PDF = 'application/pdf'
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
