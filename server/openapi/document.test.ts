import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import openapiTS, { astToString } from 'openapi-typescript'
import ts from 'typescript'
import { expect, test } from 'vitest'
import { openApiDocument } from './print.ts'

type Operation = { operationId?: string; security?: Array<Record<string, string[]>> }
const document = (await openApiDocument()) as { paths: Record<string, Record<string, Operation>>; servers: unknown[]; info: { license?: unknown } }
const operations = Object.entries(document.paths).flatMap(([path, byMethod]) =>
  Object.entries(byMethod).map(([method, operation]) => ({ path, method, operation })),
)

test('every operation has a unique camelCase operationId', () => {
  const ids = operations.map(({ operation }) => operation.operationId)
  for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z0-9]+$/)
  expect(new Set(ids).size).toBe(ids.length)
})

test('every tag an operation uses is declared with a description', () => {
  const declared = new Map((document as unknown as { tags: Array<{ name: string; description: string }> }).tags.map((tag) => [tag.name, tag.description]))
  const used = new Set(operations.flatMap(({ operation }) => (operation as { tags?: string[] }).tags ?? []))
  for (const tag of used) expect(declared.get(tag), tag).toMatch(/.+/)
})

test('security follows the access declaration: staff routes need the session, state changes the CSRF header too', () => {
  const find = (path: string, method: string) => operations.find((entry) => entry.path === path && entry.method === method)!.operation
  expect(find('/api/staff/postings', 'post').security).toEqual([{ sessionCookie: [], csrfHeader: [] }])
  expect(find('/api/staff/postings', 'get').security).toEqual([{ sessionCookie: [] }])
  expect(find('/api/postings', 'get').security).toEqual([{}, { sessionCookie: [] }])
  expect(find('/healthz', 'get').security).toEqual([])
  expect(document.servers).toEqual([{ url: 'http://localhost:3000', description: expect.any(String) }])
  expect(document.info.license).toMatchObject({ url: expect.stringMatching(/^https:/) })
})

test('the main request bodies carry an example', () => {
  type Media = { example?: unknown; schema?: { $ref?: string } }
  const schemas = (document as unknown as { components: { schemas: Record<string, { examples?: unknown[] }> } }).components.schemas
  const exampleOf = (path: string) => {
    const media = (operations.find((entry) => entry.path === path && entry.method === 'post')!.operation as { requestBody: { content: Record<string, Media> } })
      .requestBody.content['application/json']!
    const ref = media.schema?.$ref?.split('/').pop()
    return media.example ?? (ref ? schemas[ref]?.examples?.[0] : undefined)
  }
  expect(exampleOf('/api/auth/sign-in')).toMatchObject({ email: expect.stringContaining('@') })
  expect(exampleOf('/api/auth/sign-up')).toMatchObject({ displayName: expect.any(String) })
  expect(exampleOf('/api/postings/{postingId}/applications')).toMatchObject({ motivation: expect.any(String) })
  expect(exampleOf('/api/staff/postings')).toMatchObject({ title: 'CIO補佐官', roleId: 'producer' })
})

test('a client generated from the document (openapi-typescript) type-checks a call, and a wrong one does not', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'openapi-client-'))
  writeFileSync(join(dir, 'api.ts'), astToString(await openapiTS(document as never)))
  const call = (title: string) => `
import type { paths } from './api.ts'
type Get = paths['/api/postings/{id}']['get']
export const params: Get['parameters']['path'] = { id: '00000000-0000-0000-0000-000000000000' }
export function titleOf(body: Get['responses'][200]['content']['application/json']): string { return body.form.${title} }
`
  writeFileSync(join(dir, 'good.ts'), call('title ?? ""'))
  writeFileSync(join(dir, 'bad.ts'), call('budgetAnnualCost'))
  const diagnostics = (file: string) => {
    const program = ts.createProgram([join(dir, file)], {
      strict: true,
      noEmit: true,
      allowImportingTsExtensions: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      skipLibCheck: true,
    })
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
  }
  expect(diagnostics('good.ts')).toEqual([])
  // The public posting carries no budget: the generated type says so.
  expect(diagnostics('bad.ts').join('\n')).toMatch(/budgetAnnualCost/)
}, 60_000)

test('redocly lint (recommended rules) finds no error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'openapi-lint-'))
  writeFileSync(join(dir, 'openapi.json'), JSON.stringify(document))
  const output = execFileSync('npx', ['redocly', 'lint', join(dir, 'openapi.json'), '--format', 'summary'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  expect(output).not.toMatch(/^error/m)
}, 60_000)
