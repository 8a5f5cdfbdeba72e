import compress from '@fastify/compress'
import helmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'

/**
 * The Content-Security-Policy of every answer. Pages load scripts and styles only as files from this origin: the
 * built Vue client has no inline script or <style> (Vue sets `:style` bindings through the CSSOM, which CSP allows),
 * and /docs (Swagger UI) loads its bundle and initializer as files; its icons are data: images. No other site may
 * frame a page (frame-ancestors), which keeps staff screens from being overlaid by a look-alike site.
 */
export function contentSecurityPolicy(https: boolean): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'connect-src': ["'self'"],
    'font-src': ["'self'", 'data:'],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'img-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    // over plain http (a laptop, the browser tests) upgrading would point every asset at a port that has no TLS
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  }
}

/** Security headers (helmet) and compression on every answer: pages, API, /docs and error envelopes alike. */
export async function installTransport(app: FastifyInstance, { publicUrl }: { publicUrl: string }): Promise<void> {
  const https = new URL(publicUrl).protocol === 'https:'
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(https) },
    // HSTS only where the service is reached over TLS; over http the header would be ignored or, behind a
    // misconfigured proxy, lock browsers out of a host that has no certificate.
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // same-origin: addresses of staff screens (ids of postings, applications) are never sent to other sites, and
    // the app's own requests keep their Origin, which the CSRF check reads.
    referrerPolicy: { policy: 'same-origin' },
    // Swagger UI and the client load nothing cross-origin; COEP would only break a future embedded image.
    crossOriginEmbedderPolicy: false,
  })
  // Text is compressed (HTML, CSS, JavaScript, JSON, CSV, calendars); PDFs, workbooks and images are not: they are
  // compressed formats already (the plugin asks mime-db which types are compressible).
  await app.register(compress, { global: true })
}

/**
 * Cache-Control for the built client: files under /assets carry a content hash in their name, so a browser keeps
 * them for a year without asking; index.html (also the answer for every client page) is revalidated each time so
 * a new build is picked up at once.
 */
export function clientCacheHeaders(res: { setHeader(name: string, value: string): unknown }, path: string): void {
  const hashedAsset = /[\\/]assets[\\/][^\\/]+$/.test(path)
  res.setHeader('cache-control', hashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache')
}
