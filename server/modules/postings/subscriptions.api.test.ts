import { afterAll, expect, test } from 'vitest'
import { buildApp } from '../../app.ts'
import { testConfig } from '../../config.ts'
import { openTestDatabase } from '../../../test/support/database.ts'
import { startTestSmtpServer, tokenLinkIn } from '../../../test/support/smtp.ts'

// The double opt-in mail travels through real SMTP (a local server) and its link confirms the subscription.
const smtp = await startTestSmtpServer()
const engine = await openTestDatabase()
const app = await buildApp({ config: testConfig({ smtpUrl: smtp.url, publicUrl: 'http://127.0.0.1:3000' }), db: engine.db })
afterAll(async () => {
  await app.close()
  await engine.close()
  await smtp.close()
})

test('登録の確認メールが SMTP で届き、そのリンクで登録が完了する（参考4.4-⑭ ③）', async () => {
  const email = 'smtp-talent@example.com'
  const response = await app.inject({ method: 'POST', url: '/api/posting-subscriptions', payload: { email, filters: { remoteOnly: true } } })
  expect(response.statusCode).toBe(202)
  const mail = await smtp.waitForMail(email)
  expect(mail.subject).toContain('登録の確認')
  expect(mail.text).toContain('配信の停止')
  const link = tokenLinkIn(mail.text)
  expect(link.pathname).toBe('/postings/subscribe/confirm')
  const confirmed = await app.inject({ method: 'POST', url: '/api/posting-subscriptions/confirm', payload: { token: link.searchParams.get('token') } })
  expect(confirmed.statusCode, confirmed.body).toBe(200)
  expect(confirmed.json()).toMatchObject({ email, filters: { remoteOnly: true } })
})
