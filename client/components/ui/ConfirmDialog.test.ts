import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, nextTick, ref } from 'vue'
import ConfirmDialog from './ConfirmDialog.vue'
import { useConfirm } from './useConfirm.ts'

afterEach(() => {
  document.body.innerHTML = ''
})

/** A page with a button that opens the dialog, as pages use it. */
const Host = defineComponent({
  components: { ConfirmDialog },
  setup() {
    const open = ref(false)
    const log = ref<string[]>([])
    return { open, log }
  },
  template: `
    <button id="opener" type="button" @click="open = true">募集を終了する</button>
    <ConfirmDialog :open="open" title="募集を終了しますか" confirm-label="終了する" danger
      @confirm="log.push('confirm'); open = false" @cancel="log.push('cancel'); open = false">
      <p>終了すると、新しい応募を受け付けなくなります。</p>
      <input id="inside" type="text" aria-label="メモ" />
    </ConfirmDialog>`,
})

async function openHost() {
  const wrapper = mount(Host, { attachTo: document.body })
  const opener = wrapper.get('#opener')
  ;(opener.element as HTMLElement).focus()
  await opener.trigger('click')
  await nextTick()
  await nextTick()
  return wrapper
}

describe('ConfirmDialog', () => {
  it('開くと、題名と本文で名付けられたモーダルになり、キャンセルにフォーカスがある', async () => {
    const wrapper = await openHost()
    const dialog = wrapper.get('[role="alertdialog"]')
    expect(dialog.attributes('aria-modal')).toBe('true')
    const title = document.getElementById(dialog.attributes('aria-labelledby')!)
    expect(title?.textContent).toBe('募集を終了しますか')
    expect(document.getElementById(dialog.attributes('aria-describedby')!)?.textContent).toContain('新しい応募を受け付けなくなります')
    expect(document.activeElement?.textContent?.trim()).toBe('キャンセル')
  })

  it('閉じているあいだは何も描かない', () => {
    const wrapper = mount(Host, { attachTo: document.body })
    expect(wrapper.find('[role="alertdialog"]').exists()).toBe(false)
  })

  it('Esc で取り消し、開いたボタンにフォーカスが戻る', async () => {
    const wrapper = await openHost()
    await wrapper.get('[role="alertdialog"]').trigger('keydown', { key: 'Escape' })
    await nextTick()
    expect(wrapper.vm.log).toEqual(['cancel'])
    expect(wrapper.find('[role="alertdialog"]').exists()).toBe(false)
    expect(document.activeElement?.id).toBe('opener')
  })

  it('Tab は最後のボタンから最初の要素へ、Shift+Tab は最初から最後へ回り、外へ出ない', async () => {
    const wrapper = await openHost()
    const confirm = wrapper.get('.confirm-dialog__confirm').element as HTMLElement
    confirm.focus()
    await wrapper.get('[role="alertdialog"]').trigger('keydown', { key: 'Tab' })
    expect(document.activeElement?.id).toBe('inside')
    await wrapper.get('[role="alertdialog"]').trigger('keydown', { key: 'Tab', shiftKey: true })
    expect(document.activeElement).toBe(confirm)
  })

  it('実行ボタンで confirm を知らせる', async () => {
    const wrapper = await openHost()
    await wrapper.get('.confirm-dialog__confirm').trigger('click')
    expect(wrapper.vm.log).toEqual(['confirm'])
    expect(wrapper.get('#opener').element).toBe(document.activeElement)
  })

  it('処理中は両方のボタンが待ち、Esc でも閉じない', async () => {
    const log: string[] = []
    const wrapper = mount(ConfirmDialog, {
      attachTo: document.body,
      props: { open: true, title: '削除しますか', confirmLabel: '削除する', busy: true, onCancel: () => log.push('cancel') },
    })
    await nextTick()
    expect(wrapper.findAll('button').every((button) => button.attributes('disabled') !== undefined)).toBe(true)
    await wrapper.get('[role="alertdialog"]').trigger('keydown', { key: 'Escape' })
    expect(log).toEqual([])
  })
})

describe('useConfirm', () => {
  it('ask() は実行なら true、キャンセルなら false で解決し、本文を段落で表示する', async () => {
    const confirm = useConfirm()
    const wrapper = mount(
      defineComponent({
        components: { ConfirmDialog },
        setup: () => ({ confirm }),
        template: `<ConfirmDialog v-bind="confirm.dialog.value" @confirm="confirm.answer(true)" @cancel="confirm.answer(false)" />`,
      }),
      { attachTo: document.body },
    )
    const first = confirm.ask({
      title: '下書きを削除しますか',
      message: '削除すると元に戻せません。\n監査記録には残ります。',
      confirmLabel: '削除する',
      danger: true,
    })
    await nextTick()
    expect(wrapper.findAll('.confirm-dialog__body p').map((p) => p.text())).toEqual(['削除すると元に戻せません。', '監査記録には残ります。'])
    expect(wrapper.get('.confirm-dialog__confirm').classes()).toContain('confirm-dialog__confirm--danger')
    await wrapper.get('.confirm-dialog__confirm').trigger('click')
    await expect(first).resolves.toBe(true)
    await nextTick()
    expect(wrapper.find('[role="alertdialog"]').exists()).toBe(false)

    const second = confirm.ask({ title: '差し戻しますか', message: '市区町村に戻ります。', confirmLabel: '差し戻す' })
    await nextTick()
    await wrapper.get('.confirm-dialog__cancel').trigger('click')
    await expect(second).resolves.toBe(false)
  })
})
