import fc from 'fast-check'
import { expect, test } from 'vitest'
import { deriveLevels } from './levels.ts'
import { skillStandardCatalog } from './skill-standard/index.ts'
test('order x3000', () => {
  const examIds = skillStandardCatalog.exams.map((exam) => exam.id)
  const jobTypeIds = skillStandardCatalog.jobTypes.map((jobType) => jobType.id)
  const date = fc.integer({ min: 0, max: 9000 }).map((offset) => new Date(Date.UTC(2001, 0, 1 + offset)).toISOString().slice(0, 10))
  const facts = fc.record({
    exams: fc.array(fc.record({ examId: fc.constantFrom(...examIds), fiscalYear: fc.integer({ min: 1990, max: 2025 }), season: fc.constantFrom('spring' as const, 'autumn' as const, 'other' as const) }), { maxLength: 6 }),
    experiences: fc.array(fc.tuple(date, fc.integer({ min: 0, max: 2000 }), fc.subarray(jobTypeIds, { maxLength: 3 })), { maxLength: 5 }).map((rows) => rows.map(([startsOn, length, tags], index) => ({ id: `e${index}`, startsOn, endsOn: new Date(Date.parse(startsOn) + length * 86_400_000).toISOString().slice(0, 10), jobTypeIds: tags }))),
    claims: fc.constant([]),
  })
  fc.assert(fc.property(facts, (input) => {
    const reversed = { ...input, exams: [...input.exams].reverse(), experiences: [...input.experiences].reverse() }
    expect(deriveLevels(reversed, '2026-11-24')).toEqual(deriveLevels(input, '2026-11-24'))
  }), { numRuns: 3000 })
})
