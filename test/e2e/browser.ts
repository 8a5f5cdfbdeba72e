import { readFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { AxeResults } from 'axe-core'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { expect, inject } from 'vitest'
import { E2E_DEMO_PASSWORD } from './demo-password.ts'

export const SCREENSHOT_DIR = 'test-results/e2e'

/** The two window widths every journey is looked at in: a desktop window and a small phone. */
export const WIDTHS = [1280, 375] as const
export type Width = (typeof WIDTHS)[number]
const HEIGHT: Record<Width, number> = { 1280: 900, 375: 740 }

/** Debian's chromium, headless; the background-networking flags keep it off this machine's closed network. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** One full-page shot at the page's current width (journeys not yet moved to `startJourney`). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true })
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/**
 * A journey through the site as a person makes it: it opens one page (`start`, the address the person typed or the
 * link in a mail) and from there moves only by clicking. Everything the person would notice as broken is collected
 * while it runs and reported by `finish`:
 * - a second `page.goto` (a URL typed in the middle of the journey) fails the test at once;
 * - axe-core finds a critical or serious violation on a page visited (after each navigation and at every shot);
 * - at 375 px a page is wider than the window (`shot`);
 * - the page fetches an address that answers 403 (a page asking for what its viewer may not see) or 5xx;
 * - a script error in the page;
 * - the page's Content-Security-Policy refused something (a `securitypolicyviolation`: an inline script or style,
 *   a resource from another site), which a person would see as a part of the page missing.
 */
export interface Journey {
  readonly page: Page
  readonly width: Width
  /** Opens the journey's first page: a path of the site or a full URL (a mailed link). Only once. */
  start(pathOrUrl: string): Promise<void>
  /** Screenshots `${name}-1280.png` and `${name}-375.png`, each checked with axe (and the 375 one for overflow). */
  shot(name: string): Promise<void>
  /** Clicks a link of the header's navigation, opening the menu first when the window is narrow. */
  nav(name: string | RegExp): Promise<void>
  /** Signs in from the header's ログイン link, as a person would; returns where the site took them. */
  signIn(email: string, password?: string): Promise<void>
  /** Waits for the page checks still running and fails on anything collected. Closes the page. */
  finish(): Promise<void>
}

export interface JourneyOptions {
  width?: Width
  /** 403 answers the journey expects (a path prefix each), e.g. a refused action it provokes on purpose. */
  allowForbidden?: string[]
}

export async function startJourney(browser: Browser, options: JourneyOptions = {}): Promise<Journey> {
  const width = options.width ?? 1280
  const baseUrl = inject('baseUrl')
  const context = await browser.newContext({ locale: 'ja-JP', viewport: { width, height: HEIGHT[width] } })
  await context.addInitScript({ content: AXE_SOURCE })
  const problems: string[] = []
  await reportCspViolations(context, (violation) => problems.push(violation))
  const page = await context.newPage()
  const checked = new Set<string>()
  let started = false
  let checks: Promise<void> = Promise.resolve()

  const goto = page.goto.bind(page)
  page.goto = async () => {
    throw new Error('a journey moves by clicking: page.goto after its first page')
  }

  page.on('pageerror', (error) => problems.push(`script error on ${path(page.url())}: ${error.message}`))
  page.on('response', (response) => {
    const url = new URL(response.url())
    if (url.origin !== new URL(baseUrl).origin) return
    const status = response.status()
    if (status === 403 && !(options.allowForbidden ?? []).some((prefix) => url.pathname.startsWith(prefix))) {
      problems.push(`403 for ${url.pathname} on ${path(page.url())}`)
    }
    if (status >= 500) problems.push(`${status} for ${url.pathname} on ${path(page.url())}`)
  })
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return
    const at = frame.url()
    checks = checks.then(() => checkAfterNavigation(at)).catch((error: unknown) => void problems.push(`axe could not run on ${path(at)}: ${String(error)}`))
  })

  /** The first look at a page after it was reached: axe once its content has settled (each address once). */
  async function checkAfterNavigation(at: string): Promise<void> {
    const key = `${width} ${path(at)}`
    if (checked.has(key)) return
    await page.waitForTimeout(400).catch(() => undefined)
    if (page.isClosed() || page.url() !== at) return
    checked.add(key)
    await axe(`${width}px`)
  }

  async function axe(where: string): Promise<void> {
    let results: AxeResults
    try {
      // a string: this file is type-checked without the DOM library
      results = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as AxeResults
    } catch (error) {
      // the page moved on while axe ran: the next page gets its own check
      if (/Execution context was destroyed|Target page|closed/.test(String(error))) return
      throw error
    }
    for (const violation of results.violations) {
      if (violation.impact !== 'critical' && violation.impact !== 'serious') continue
      const targets = violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join(', ')
      const problem = `axe ${violation.impact} ${violation.id} on ${path(page.url())} at ${where}: ${violation.help} (${targets})`
      if (!problems.includes(problem)) problems.push(problem)
    }
  }

  async function menuIsCollapsed(): Promise<boolean> {
    const toggle = page.getByRole('button', { name: 'メニュー' })
    return (await toggle.count()) > 0 && (await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true'
  }

  const journey: Journey = {
    page,
    width,
    async start(pathOrUrl) {
      if (started) throw new Error('a journey moves by clicking: start() opens its first page only')
      started = true
      await goto(pathOrUrl.startsWith('http') ? pathOrUrl : `${baseUrl}${pathOrUrl}`)
    },
    async shot(name) {
      await mkdir(SCREENSHOT_DIR, { recursive: true })
      await checks
      for (const shotWidth of WIDTHS) {
        await page.setViewportSize({ width: shotWidth, height: HEIGHT[shotWidth] })
        await page.waitForTimeout(100)
        await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-${shotWidth}.png`, fullPage: true })
        await axe(`${shotWidth}px (${name})`)
        if (shotWidth === 375) {
          const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'))
          if (overflow > 0) problems.push(`${path(page.url())} is ${overflow}px wider than a 375px window (${name})`)
        }
      }
      await page.setViewportSize({ width, height: HEIGHT[width] })
    },
    async nav(name) {
      if (await menuIsCollapsed()) await page.getByRole('button', { name: 'メニュー' }).click()
      await page
        .getByRole('navigation', { name: 'メイン' })
        .getByRole('link', { name, exact: typeof name === 'string' })
        .click()
    },
    async signIn(email, password = E2E_DEMO_PASSWORD) {
      if (await menuIsCollapsed()) await page.getByRole('button', { name: 'メニュー' }).click()
      await page.getByRole('navigation', { name: 'アカウント' }).getByRole('link', { name: 'ログイン' }).click()
      await page.waitForURL((url) => url.pathname === '/sign-in')
      await page.getByLabel('メールアドレス').fill(email)
      await page.getByLabel('パスワード').fill(password)
      await page.getByRole('button', { name: 'ログインする' }).click()
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'))
    },
    async finish() {
      await checks
      await context.close()
      expect(problems, problems.join('\n')).toEqual([])
    },
  }
  return journey
}

/**
 * Every refusal by the page's Content-Security-Policy, as `<directive> refused <what> on <path>`. Scripts the test
 * itself runs (axe, page.evaluate) go through the DevTools protocol, which CSP does not govern.
 */
export async function reportCspViolations(context: BrowserContext, report: (violation: string) => void): Promise<void> {
  await context.exposeBinding('reportCspViolation', (_source, violation: string) => report(violation))
  await context.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (event) => {
      const what = event.blockedURI || 'inline'
      const where = location.pathname + location.search
      window.reportCspViolation('CSP ' + event.effectiveDirective + ' refused ' + what + ' on ' + where + ' from ' + (event.sourceFile || '?') + ':' + event.lineNumber + ':' + event.columnNumber + (event.sample ? ' (' + event.sample + ')' : ''))
    })`,
  })
}

function path(url: string): string {
  try {
    const parsed = new URL(url)
    return parsed.pathname + parsed.search
  } catch {
    return url
  }
}
