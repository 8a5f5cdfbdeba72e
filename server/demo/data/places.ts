/**
 * Where the demo world happens: 愛媛県 with 松山市, 今治市 and two small towns, plus one municipality in each of two
 * other prefectures, so the national list spans three prefectures; and 宮城県, 福島県 and 静岡県, whose dispatch schemes
 * the demo sets up as the 事例集 describes them. Codes are 全国地方公共団体コード.
 */
export const PREFECTURES = { ehime: '38', kochi: '39', nagano: '20', miyagi: '04', fukushima: '07', shizuoka: '22' } as const

export const MUNICIPALITIES = {
  matsuyama: '382019',
  imabari: '382027',
  uchiko: '384224',
  kumakogen: '383864',
  kochi: '392014',
  shiojiri: '202151',
} as const

export type MunicipalityKey = keyof typeof MUNICIPALITIES
