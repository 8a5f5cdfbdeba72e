/*
 * companies (法人): the registry by 法人番号 and the dated group links the 入札制限 engine reads. Other modules call
 * only what is exported here.
 */
export { companyNames, companyNeighbourhood, findCompany, type CompanyLinkFact, type CompanyNeighbourhood } from './repository.ts'
export { importCompanies, type ImportResult } from './import.ts'
export { registerCorporateFile, runCorporateImport, type CorporateImportView } from './corporate-import.ts'
