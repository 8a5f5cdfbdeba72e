import type { DemoAccountSpec } from '../../modules/accounts/index.ts'
import { MUNICIPALITIES, PREFECTURES, type MunicipalityKey } from './places.ts'

/** Staff of every level in the demo world. Addresses are under example.jp (RFC 2606), never a real mailbox. */
export const STAFF = {
  national: { kind: 'national', email: 'kuni.admin@example.jp', displayName: 'デモ 国 管理者' },
  ehime: { kind: 'prefecture', email: 'ehime.pref@example.jp', displayName: 'デモ 愛媛県 担当者', prefectureCode: PREFECTURES.ehime },
  kochiPref: { kind: 'prefecture', email: 'kochi.pref@example.jp', displayName: 'デモ 高知県 担当者', prefectureCode: PREFECTURES.kochi },
  nagano: { kind: 'prefecture', email: 'nagano.pref@example.jp', displayName: 'デモ 長野県 担当者', prefectureCode: PREFECTURES.nagano },
  miyagi: { kind: 'prefecture', email: 'miyagi.pref@example.jp', displayName: 'デモ 宮城県 担当者', prefectureCode: PREFECTURES.miyagi },
  fukushima: { kind: 'prefecture', email: 'fukushima.pref@example.jp', displayName: 'デモ 福島県 担当者', prefectureCode: PREFECTURES.fukushima },
  shizuoka: { kind: 'prefecture', email: 'shizuoka.pref@example.jp', displayName: 'デモ 静岡県 担当者', prefectureCode: PREFECTURES.shizuoka },
  matsuyama: { kind: 'municipality', email: 'matsuyama@example.jp', displayName: 'デモ 松山市 担当者', localGovernmentCode: MUNICIPALITIES.matsuyama },
  imabari: { kind: 'municipality', email: 'imabari@example.jp', displayName: 'デモ 今治市 担当者', localGovernmentCode: MUNICIPALITIES.imabari },
  uchiko: { kind: 'municipality', email: 'uchiko@example.jp', displayName: 'デモ 内子町 担当者', localGovernmentCode: MUNICIPALITIES.uchiko },
  kumakogen: { kind: 'municipality', email: 'kumakogen@example.jp', displayName: 'デモ 久万高原町 担当者', localGovernmentCode: MUNICIPALITIES.kumakogen },
  kochi: { kind: 'municipality', email: 'kochi.city@example.jp', displayName: 'デモ 高知市 担当者', localGovernmentCode: MUNICIPALITIES.kochi },
  shiojiri: { kind: 'municipality', email: 'shiojiri@example.jp', displayName: 'デモ 塩尻市 担当者', localGovernmentCode: MUNICIPALITIES.shiojiri },
} as const satisfies Record<string, DemoAccountSpec>

export type StaffKey = keyof typeof STAFF

/** Someone who has just signed up and not filled in a profile yet: what a new candidate sees first. */
export const NEWCOMER = { kind: 'candidate', email: 'tanaka.jun@example.jp', displayName: '田中 純' } as const satisfies DemoAccountSpec

/** The staff account of each demo municipality. */
export const MUNICIPAL_STAFF: Record<MunicipalityKey, StaffKey> = {
  matsuyama: 'matsuyama',
  imabari: 'imabari',
  uchiko: 'uchiko',
  kumakogen: 'kumakogen',
  kochi: 'kochi',
  shiojiri: 'shiojiri',
}

/** Printed at first start, with where each belongs: one account per kind of user first. */
export const PRINTED: ReadonlyArray<{ email: string; belongsTo: string }> = [
  { email: STAFF.national.email, belongsTo: '国' },
  { email: STAFF.ehime.email, belongsTo: '愛媛県' },
  { email: STAFF.matsuyama.email, belongsTo: '愛媛県 松山市' },
  { email: STAFF.imabari.email, belongsTo: '愛媛県 今治市' },
  { email: STAFF.uchiko.email, belongsTo: '愛媛県 内子町' },
  { email: STAFF.kochi.email, belongsTo: '高知県 高知市' },
  { email: STAFF.shiojiri.email, belongsTo: '長野県 塩尻市' },
  { email: 'yamada.hanako@example.jp', belongsTo: '外部デジタル人材' },
  { email: 'sato.ken@example.jp', belongsTo: '外部デジタル人材' },
]
