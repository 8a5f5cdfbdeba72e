export const SERVICE_NAME = '自治体DX 外部デジタル人材 募集・マッチング'

/** 「ページ名 | サービス名」, the document title of every page. */
export function pageTitle(title?: string): string {
  return title ? `${title} | ${SERVICE_NAME}` : SERVICE_NAME
}

export function setPageTitle(title?: string): void {
  if (typeof document !== 'undefined') document.title = pageTitle(title)
}
