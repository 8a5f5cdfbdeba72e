import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import ErrorMessage from './ErrorMessage.vue'
import { errorLines } from './errorDetails.ts'

afterEach(() => {
  document.body.innerHTML = ''
})

const invalid = {
  code: 'VALIDATION_FAILED',
  message: '入力内容に誤りがあります。各項目のメッセージを確認してください。',
  details: [
    { path: 'contactEmail', message: '問合せ先メールアドレスの形式が正しくありません。' },
    { path: 'entries.1.corporateNumber', message: '法人番号が正しくありません。' },
    { path: 'query.limit', message: '件数は1〜100で指定してください。' },
  ],
}

describe('ErrorMessage', () => {
  it('項目のキー（contactEmail・entries.1…）を見せず、ラベルを含むメッセージと何件目かだけを並べる', () => {
    const text = mount(ErrorMessage, { props: { error: invalid } }).text()
    expect(text).toContain('問合せ先メールアドレスの形式が正しくありません。')
    expect(text).toContain('2件目：法人番号が正しくありません。')
    expect(text).toContain('件数は1〜100で指定してください。')
    expect(text).not.toMatch(/contactEmail|entries|corporateNumber|query|limit/)
  })

  it('項目の場所を知っているページでは、各行がその入力欄へフォーカスを移すリンクになる', async () => {
    const wrapper = mount(
      {
        components: { ErrorMessage },
        data: () => ({ error: invalid }),
        template: '<div><input id="contact-email" /><ErrorMessage :error="error" :field-ids="{ contactEmail: \'contact-email\' }" /></div>',
      },
      { attachTo: document.body },
    )
    const links = wrapper.findAll('a')
    expect(links.map((link) => link.text())).toEqual(['問合せ先メールアドレスの形式が正しくありません。'])
    await links[0]!.trigger('click')
    expect(document.activeElement?.id).toBe('contact-email')
  })

  it('一覧の行のキーは先頭の項目名でも入力欄に結びつく', () => {
    expect(errorLines(invalid, { entries: 'employments' })[1]).toEqual({ text: '2件目：法人番号が正しくありません。', fieldId: 'employments' })
  })
})
