/**
 * Examples on the main request bodies of the OpenAPI document, so a reader (and Swagger UI's "Try it out") starts
 * from a body the API accepts. Each example is parsed by its own schema here, so a contract change that makes an
 * example invalid fails at load instead of documenting a body the API refuses.
 */
import { z } from 'zod'
import { SignInRequest, SignUpRequest } from '#shared/contracts/accounts'
import { ApplyRequest } from '#shared/contracts/applications'
import { PostingForm } from '#shared/contracts/postings'

const postingForm = PostingForm.parse({
  department: '総務部 デジタル推進課',
  contactName: '山田 花子',
  contactEmail: 'dx@city.example.jp',
  title: 'CIO補佐官',
  roleId: 'producer',
  dutyAreas: [{ area: 'standardization', involvement: 'advise' }],
  dutyDescription: '町の DX 推進計画の進行管理と、庁内の推進体制づくりを助言します。',
  criteria: [{ kind: 'job_type_level', importance: 'required', jobTypeIds: ['uiss.business_strategist'], minLevel: 4 }],
  appointmentForm: 'tokubetsushoku_hijokin',
  workDaysPer: 'month',
  workDays: 4,
  remoteAllowed: true,
  sideJobAllowed: true,
  payAmount: 40_000,
  payUnit: 'daily',
  openings: 1,
  applicationStartsOn: '2027-04-01',
  applicationEndsOn: '2027-04-30',
  selectionSteps: ['documents', 'interview_online'],
  budgetAnnualCost: 2_400_000,
})

const EXAMPLES: Array<[z.ZodType, unknown]> = [
  [SignUpRequest, SignUpRequest.parse({ email: 'taro@example.jp', password: 'correct-horse-battery-staple', displayName: '山田 太郎' })],
  [SignInRequest, SignInRequest.parse({ email: 'taro@example.jp', password: 'correct-horse-battery-staple' })],
  [ApplyRequest, ApplyRequest.parse({ motivation: '自治体の業務改革を現場で支えた経験を、町の DX 推進に活かしたいと考えています。' })],
  [PostingForm, postingForm],
]

for (const [schema, example] of EXAMPLES) z.globalRegistry.add(schema, { ...z.globalRegistry.get(schema), examples: [example] })
