/**
 * The journey harness itself can fail: a typed URL, an axe violation, a page wider than a phone and a refusal by the
 * Content-Security-Policy are caught.
 */
import { expect, test } from 'vitest'
import { launchBrowser, startJourney } from './browser.ts'

test('the harness refuses a second page.goto and reports axe violations, overflow at 375 px and CSP refusals', async () => {
  const browser = await launchBrowser()
  const journey = await startJourney(browser, { width: 375 })
  await journey.start('/')
  await expect(journey.page.goto('/postings')).rejects.toThrow(/clicking/)
  // the wide block is sized through the CSSOM, which the CSP allows; the style attribute after it is refused
  await journey.page.evaluate(
    `document.querySelector('main').insertAdjacentHTML('beforeend', '<img src="x"><div id="wide">wide</div><p style="color: red">inline</p>'); document.getElementById('wide').style.width = '900px'`,
  )
  await journey.shot('harness')
  const message = await journey.finish().then(
    () => '',
    (error: Error) => error.message,
  )
  expect(message).toMatch(/axe critical image-alt on \/ at 1280px/)
  expect(message).toMatch(/is \d+px wider than a 375px window/)
  expect(message).toMatch(/CSP style-src-attr refused inline on \//)
  await browser.close()
})
