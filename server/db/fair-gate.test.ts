import { describe, expect, test } from 'vitest'
import { ConnectionGate, DatabaseBusy, type Lane, requestLane } from './fair-gate.ts'

/** Queues a caller in `lane` while the gate is held; resolves its name once it holds the gate. */
function waitIn(gate: ConnectionGate, lane: Lane, name: string, served: string[]): Promise<void> {
  return requestLane.run(lane, () =>
    gate.acquire().then(() => {
      served.push(name)
      // let the next caller in only after this one's turn, as a statement would
      setImmediate(() => gate.release())
    }),
  )
}

describe('組み込みデータベースの接続の順番', () => {
  test('読み取りが大勢待っていても、書き込みは先に通る（読み取りも止まらない）', async () => {
    const gate = new ConnectionGate(0)
    await gate.acquire()
    const served: string[] = []
    const waiting = [
      ...Array.from({ length: 6 }, (_, index) => waitIn(gate, 'read', `r${index}`, served)),
      ...Array.from({ length: 5 }, (_, index) => waitIn(gate, 'write', `w${index}`, served)),
    ]
    gate.release()
    await Promise.all(waiting)
    // four changes, then one read, then the last change ahead of the remaining reads
    expect(served).toEqual(['w0', 'w1', 'w2', 'w3', 'r0', 'w4', 'r1', 'r2', 'r3', 'r4', 'r5'])
  })

  test('要求の外（定期処理、移行）からの呼び出しは書き込みとして並ぶ', async () => {
    const gate = new ConnectionGate(0)
    await gate.acquire()
    const served: string[] = []
    const waiting = [waitIn(gate, 'read', 'read', served), gate.acquire().then(() => served.push('job'))]
    gate.release()
    await waiting[1]
    gate.release()
    await waiting[0]
    expect(served).toEqual(['job', 'read'])
  })

  test('待ち時間の上限を超えた呼び出しは DatabaseBusy で断られ、順番待ちから外れる', async () => {
    const gate = new ConnectionGate(30)
    await gate.acquire()
    await expect(requestLane.run('read', () => gate.acquire())).rejects.toBeInstanceOf(DatabaseBusy)
    const later = gate.acquire()
    gate.release()
    await expect(later).resolves.toBeUndefined()
    gate.release()
    // free again: the refused caller holds nothing
    await expect(gate.acquire()).resolves.toBeUndefined()
  })
})
