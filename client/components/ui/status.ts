/** Shown with every 「要確認」 badge and in the page legend. */
export const UNCONFIRMED_LABEL = '要確認'
export const UNCONFIRMED_EXPLANATION = 'この項目は、公式資料（総務省・IPA が公表した PDF）との照合がまだ済んでいません。内容が変わる可能性があります。'
