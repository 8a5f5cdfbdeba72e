import { SMTPServer } from 'smtp-server'

/** One message as the SMTP server received it, with the headers and body decoded to text. */
export interface ReceivedMail {
  from: string
  to: string[]
  subject: string
  text: string
  raw: string
}

export interface TestSmtpServer {
  /** smtp://127.0.0.1:<port>, for config.smtpUrl / SMTP_URL. */
  url: string
  messages: ReceivedMail[]
  /** The first received message addressed to `to`; waits up to `timeoutMs`. */
  waitForMail(to: string, timeoutMs?: number): Promise<ReceivedMail>
  close(): Promise<void>
}

/** Recipients at this domain are refused for good (550), as a mail server refuses an address that does not exist. */
export const BOUNCING_DOMAIN = 'bounce.example.jp'

/**
 * A local SMTP server on 127.0.0.1 and a random port that keeps what it receives (no TLS, no auth). It refuses
 * every recipient at BOUNCING_DOMAIN with a permanent error.
 */
export async function startTestSmtpServer(onMail?: (mail: ReceivedMail) => void): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.toLowerCase().endsWith(`@${BOUNCING_DOMAIN}`)) {
        callback(Object.assign(new Error('5.1.1 No such user here'), { responseCode: 550 }))
      } else callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        const mail = {
          ...decodeMessage(raw),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw,
        }
        messages.push(mail)
        onMail?.(mail)
        callback()
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async waitForMail(to, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = messages.find((message) => message.to.includes(to))
        if (found) return found
        if (Date.now() > deadline) throw new Error(`no mail to ${to} within ${timeoutMs} ms (received: ${messages.map((m) => m.to).join(', ')})`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** Subject (RFC 2047 words) and a single text/plain body (7bit, quoted-printable or base64) as UTF-8 text. */
export function decodeMessage(raw: string): { subject: string; text: string } {
  const split = raw.search(/\r?\n\r?\n/)
  const headerText = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ')
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '')
  const headers = new Map<string, string>()
  for (const line of headerText.split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase()
  return { subject: decodeWords(headers.get('subject') ?? ''), text: decodeBody(body, encoding) }
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replaceAll('_', ' ')),
    )
}

function decodeBody(body: string, encoding: string): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body.replace(/=\r?\n/g, ''))
  return body
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = []
  for (let i = 0; i < text.length; i += 1) {
    const hex = text.slice(i + 1, i + 3)
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else {
      bytes.push(...Buffer.from(text[i]!, 'utf8'))
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

/** The first http(s) link in a text that carries `?token=`. */
export function tokenLinkIn(text: string): URL {
  const match = /https?:\/\/\S+[?&]token=[A-Za-z0-9_-]+/.exec(text)
  if (!match) throw new Error(`no one-time link in:\n${text}`)
  return new URL(match[0])
}
