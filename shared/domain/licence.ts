/**
 * The licence of what the API publishes: 公共データ利用規約（第1.0版）, the successor of 政府標準利用規約（第2.0版）,
 * compatible with CC BY 4.0 (利用規約 1.); users cite the source as it asks (利用規約 1.1).
 */
export const LICENCE = {
  name: '公共データ利用規約（第1.0版）（PDL1.0、政府標準利用規約（第2.0版）の後継、CC BY 4.0 互換）',
  url: 'https://www.digital.go.jp/resources/open_data/public_data_license_v1.0',
} as const
