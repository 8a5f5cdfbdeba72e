/** The journey harness itself can fail: a typed URL, an axe violation and a page wider than a phone are caught. */
import { expect, test } from 'vitest'
import { launchBrowser, startJourney } from './browser.ts'

test('the harness refuses a second page.goto and reports axe violations and overflow at 375 px', async () => {
  const browser = await launchBrowser()
  const journey = await startJourney(browser, { width: 375 })
  await journey.start('/')
  await expect(journey.page.goto('/postings')).rejects.toThrow(/clicking/)
  await journey.page.evaluate(`document.querySelector('main').insertAdjacentHTML('beforeend', '<img src="x"><div style="width:900px">wide</div>')`)
  await journey.shot('harness')
  const message = await journey.finish().then(
    () => '',
    (error: Error) => error.message,
  )
  expect(message).toMatch(/axe critical image-alt on \/ at 1280px/)
  expect(message).toMatch(/is \d+px wider than a 375px window/)
  await browser.close()
})
