import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { Criterion } from '#shared/contracts/postings'
import CriteriaEditor from './CriteriaEditor.vue'

/** The editor with its v-model wired back, as the posting page uses it; `model()` is the latest value. */
function editor(criteria: Criterion[]) {
  const wrapper = mount(CriteriaEditor, {
    props: { modelValue: criteria, 'onUpdate:modelValue': (value: Criterion[]) => wrapper.setProps({ modelValue: value } as never) } as never,
  })
  const model = () => wrapper.emitted('update:modelValue')!.at(-1)![0] as Criterion[]
  return Object.assign(wrapper, { model })
}

const level: Criterion = { kind: 'job_type_level', importance: 'preferred', jobTypeIds: ['itss.consultant'], minLevel: 4, note: null }

describe('CriteriaEditor: any-of rows (手順書 参考4.4-④ 「以下のいずれかのスキルレベル又は資格」)', () => {
  it('「又は」 turns a level row into an any-of row with a certification alternative, keeping the level first', async () => {
    const wrapper = editor([level])
    await wrapper.get('#criterion-0-or').setValue('certification')
    await wrapper
      .findAll('button')
      .find((button) => button.text() === '選択肢を追加（いずれか）')!
      .trigger('click')
    const [row] = wrapper.model()
    expect(row).toMatchObject({ kind: 'any_of', importance: 'preferred', alternatives: [{ kind: 'job_type_level', minLevel: 4 }, { kind: 'certification' }] })
    expect(wrapper.text()).toContain('次のどれか1つを満たせば')
    expect(wrapper.text()).toContain('又は 資格')
  })

  it('editing an alternative changes only it; removing one of two makes the row plain again', async () => {
    const wrapper = editor([
      {
        kind: 'any_of',
        importance: 'required',
        note: null,
        alternatives: [
          { kind: 'job_type_level', jobTypeIds: ['itss.consultant'], minLevel: 4 },
          { kind: 'certification', certificationIds: ['SC'] },
        ],
      },
    ])
    await wrapper.get('#criterion-0-0-level').setValue('5')
    await wrapper.get('#criterion-0-0-level').trigger('change')
    expect(wrapper.model()[0]).toMatchObject({ alternatives: [{ minLevel: 5 }, { certificationIds: ['SC'] }] })
    const removeButtons = wrapper.findAll('button').filter((button) => button.text() === 'この選択肢を削除')
    await removeButtons[0]!.trigger('click')
    expect(wrapper.model()[0]).toEqual({ kind: 'certification', certificationIds: ['SC'], importance: 'required', note: null })
  })
})

describe('CriteriaEditor: 職種と資格はチェックボックスで選ぶ（Ctrl を押しながらのリストではない）', () => {
  it('職種を付け外しすると条件の職種が変わり、選んだ数を見出しに示す', async () => {
    const wrapper = editor([level])
    const jobs = wrapper.get('#criterion-0-jobs')
    expect(jobs.element.tagName).toBe('FIELDSET')
    expect(wrapper.find('select[multiple]').exists()).toBe(false)
    expect(jobs.get('legend').text()).toContain('1件選択')
    const strategist = jobs.findAll('label').find((label) => label.text() === 'UISS ビジネスストラテジスト')!
    await strategist.get('input').setValue(true)
    expect(wrapper.model()[0]).toMatchObject({ jobTypeIds: expect.arrayContaining(['itss.consultant', 'uiss.business_strategist']) })
    expect(wrapper.get('#criterion-0-jobs legend').text()).toContain('2件選択')
    const consultant = wrapper
      .get('#criterion-0-jobs')
      .findAll('label')
      .find((label) => label.text() === 'ITSS コンサルタント')!
    await consultant.get('input').setValue(false)
    expect(wrapper.model()[0]).toMatchObject({ jobTypeIds: ['uiss.business_strategist'] })
  })

  it('資格も同じく付け外しできる', async () => {
    const wrapper = editor([{ kind: 'certification', importance: 'required', certificationIds: ['SC'], note: null }])
    const certs = wrapper.get('#criterion-0-certs')
    const audit = certs.findAll('label').find((label) => label.text() === 'システム監査技術者')!
    await audit.get('input').setValue(true)
    expect(wrapper.model()[0]).toMatchObject({ certificationIds: expect.arrayContaining(['SC', 'AU']) })
  })
})
