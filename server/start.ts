import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** `npm start`: builds the client when its sources are newer than the build, then starts the server. */
const root = fileURLToPath(new URL('..', import.meta.url))
const builtIndex = join(root, 'dist/client/index.html')

function newestChange(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name)
    return Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs)
  }, 0)
}

const sourcesChanged = Math.max(newestChange(join(root, 'client')), newestChange(join(root, 'shared')), statSync(join(root, 'vite.config.ts')).mtimeMs)
if (!existsSync(builtIndex) || statSync(builtIndex).mtimeMs < sourcesChanged) {
  console.log('画面をビルドしています…')
  const { build } = await import('vite')
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' })
}
await import('./main.ts')
