/**
 * The pure 入札制限 (bid restriction) rule engine: plain facts in, decisions with reasons out. No database, no
 * HTTP, no clock. Families: A (period), B (relationship), D (デジタル庁), G (標準ガイドライン) in bid.ts; C (act) in
 * acts.ts; company groups in groups.ts; rule templates and their parameters in templates.ts.
 */
export type {
  Appointment,
  BidFacts,
  Contract,
  CorporateNumber,
  Employment,
  EmploymentRelationship,
  Exemption,
  Procurement,
  ProcurementCategory,
  ProcurementRole,
  RestrictionWindow,
  RuleConfig,
  RuleTemplateId,
} from './facts.ts'
export {
  byCorporateNumber,
  consolidatedGroup,
  isLinkActive,
  parentsAndSubsidiaries,
  relatedCompanies,
  type CompanyLink,
  type CompanyLinkKind,
  type GroupRelation,
  type GroupStep,
  type ReachedCompany,
  type RelatedScope,
} from './groups.ts'
export {
  employmentRelationshipLabels,
  findTemplate,
  procurementCategoryLabels,
  procurementRoleLabels,
  relatedScopeLabels,
  resolveRuleParameters,
  ruleTemplates,
  templateOf,
  validateRuleParameters,
  type ParameterSpec,
  type RuleParameters,
  type RuleTemplate,
} from './templates.ts'
export { hasTenureOfYears, mergedSpells, type Spell } from './spells.ts'
export { decideBid, decisionOf, formatWindow, type BidDecision, type BidDecisionKind, type BidFinding } from './bid.ts'
export { actLabels, decideAct, type Act, type ActDecision, type ActFacts, type ActFinding } from './acts.ts'
export {
  companyUniverse,
  restrictedCompanies,
  toPublishable,
  type PublishableRestrictedCompany,
  type PublishableRestrictedSet,
  type RestrictedCompany,
  type RestrictedSet,
  type RestrictedSetFacts,
} from './restricted-set.ts'
export { restrictedCompaniesByGroup } from './restricted-set-partitioned.ts'
export { factsForBidder } from './relevant-facts.ts'
export { clauseText } from './clause-text.ts'
export { exemptionAppointeeRefusal, exemptionRefusal } from './exemption.ts'
export { uncoveredForBidder, uncoveredParticipants } from './uncovered.ts'
export { pledgeSections, type PledgeItem, type PledgeSection } from './pledge-items.ts'
