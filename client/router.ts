import { createRouter, createWebHistory, type RouterHistory, type RouteRecordRaw } from 'vue-router'
import HomePage from './pages/HomePage.vue'
import NotFoundPage from './pages/NotFoundPage.vue'
import RoleDetailPage from './pages/skill-standard/RoleDetailPage.vue'
import SkillStandardPage from './pages/skill-standard/SkillStandardPage.vue'
import AccountPage from './pages/accounts/AccountPage.vue'
import ConfirmEmailPage from './pages/accounts/ConfirmEmailPage.vue'
import PasswordResetPage from './pages/accounts/PasswordResetPage.vue'
import SignInPage from './pages/accounts/SignInPage.vue'
import SignUpPage from './pages/accounts/SignUpPage.vue'
import StaffAccountsPage from './pages/accounts/StaffAccountsPage.vue'
import CandidateProfilePage from './pages/candidates/CandidateProfilePage.vue'
import CandidateViewPage from './pages/candidates/CandidateViewPage.vue'
import ApplicationBoardPage from './pages/applications/ApplicationBoardPage.vue'
import ApplyPage from './pages/applications/ApplyPage.vue'
import PostingDetailPage from './pages/postings/PostingDetailPage.vue'
import PostingEditPage from './pages/postings/PostingEditPage.vue'
import PostingSearchPage from './pages/postings/PostingSearchPage.vue'
import PostingSubscribePage from './pages/postings/PostingSubscribePage.vue'
import PostingSubscriptionLinkPage from './pages/postings/PostingSubscriptionLinkPage.vue'
import StaffPostingsPage from './pages/postings/StaffPostingsPage.vue'
import MyApplicationsPage from './pages/applications/MyApplicationsPage.vue'
import PostingMatchesPage from './pages/matching/PostingMatchesPage.vue'
import RecommendationsPage from './pages/matching/RecommendationsPage.vue'
import BidRestrictionsPage from './pages/bid-restrictions/BidRestrictionsPage.vue'
import CompaniesPage from './pages/companies/CompaniesPage.vue'
import DispatchPage from './pages/sharing/DispatchPage.vue'
import DispatchSchemePage from './pages/sharing/DispatchSchemePage.vue'
import SharedAppointmentsPage from './pages/sharing/SharedAppointmentsPage.vue'
import SharingDashboardPage from './pages/sharing/SharingDashboardPage.vue'
import TalentPoolsPage from './pages/sharing/TalentPoolsPage.vue'
import MessagesPage from './pages/messages/MessagesPage.vue'
import ThreadPage from './pages/messages/ThreadPage.vue'
import MailMessagePage from './pages/mail/MailMessagePage.vue'
import MailOutboxPage from './pages/mail/MailOutboxPage.vue'
import InterviewPage from './pages/interviews/InterviewPage.vue'
import SavedSearchesPage from './pages/saved-searches/SavedSearchesPage.vue'
import OpenDataPage from './pages/open-data/OpenDataPage.vue'
import AppointmentPage from './pages/appointments/AppointmentPage.vue'
import AppointmentsPage from './pages/appointments/AppointmentsPage.vue'
import { setPageTitle } from './title.ts'
import type { AccountKind } from '#shared/domain/accounts'
import { loadSession, session } from './composables/useSession.ts'

declare module 'vue-router' {
  interface RouteMeta {
    /** Page title shown before the service name in the browser tab; a page with loaded data may refine it. */
    title?: string
    /**
     * Who the page is for. A visitor is sent to sign in and brought back; a signed-in person of another kind sees
     * a short notice instead of a page whose requests the server would refuse (App.vue).
     */
    for?: readonly AccountKind[]
  }
}

const STAFF = ['municipality', 'prefecture', 'national'] as const
const ANYONE = ['candidate', ...STAFF] as const

/** The whole route table, explicit on purpose: every URL of the client is listed here. */
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomePage, meta: { title: 'ホーム' } },
  { path: '/skill-standard', name: 'skill-standard', component: SkillStandardPage, meta: { title: '外部人材スキル標準' } },
  {
    path: '/skill-standard/roles/:roleId',
    name: 'skill-standard-role',
    component: RoleDetailPage,
    props: true,
    meta: { title: '人材像の詳細' },
  },
  // accounts: the mailed links point at /confirm-email?token=… and /password-reset?token=…
  { path: '/sign-in', name: 'sign-in', component: SignInPage, meta: { title: 'ログイン' } },
  { path: '/sign-up', name: 'sign-up', component: SignUpPage, meta: { title: '利用登録' } },
  { path: '/confirm-email', name: 'confirm-email', component: ConfirmEmailPage, meta: { title: 'メールアドレスの確認' } },
  { path: '/password-reset', name: 'password-reset', component: PasswordResetPage, meta: { title: 'パスワードの再設定' } },
  { path: '/account', name: 'account', component: AccountPage, meta: { title: 'アカウント', for: ANYONE } },
  { path: '/staff-accounts', name: 'staff-accounts', component: StaffAccountsPage, meta: { title: '担当者アカウント', for: STAFF } },
  // candidates and applications
  { path: '/candidates/me', name: 'candidate-profile', component: CandidateProfilePage, meta: { title: 'マイプロフィール', for: ['candidate'] } },
  { path: '/candidates/:id', name: 'candidate-view', component: CandidateViewPage, props: true, meta: { title: '人材のプロフィール', for: STAFF } },
  { path: '/applications', name: 'my-applications', component: MyApplicationsPage, meta: { title: '応募の状況', for: ['candidate'] } },
  {
    path: '/applications/:applicationId/interview',
    name: 'application-interview',
    component: InterviewPage,
    props: true,
    meta: { title: '面接の日程', for: ['candidate'] },
  },
  { path: '/applications/board', name: 'application-board', component: ApplicationBoardPage, meta: { title: '応募の選考', for: ['municipality'] } },
  { path: '/appointments', name: 'appointments', component: AppointmentsPage, meta: { title: '任用と評価', for: ['municipality', 'candidate'] } },
  {
    path: '/appointments/:id',
    name: 'appointment',
    component: AppointmentPage,
    props: true,
    meta: { title: '任用の詳細', for: ['municipality', 'candidate'] },
  },
  { path: '/postings/:postingId/apply', name: 'apply', component: ApplyPage, props: true, meta: { title: '応募', for: ['candidate'] } },
  // postings (募集): the national list, mail subscriptions (the mailed links point here) and the staff workspace
  { path: '/postings', name: 'postings', component: PostingSearchPage, meta: { title: '募集の検索' } },
  { path: '/postings/subscribe', name: 'posting-subscribe', component: PostingSubscribePage, meta: { title: '募集情報のメール' } },
  {
    path: '/postings/subscribe/confirm',
    name: 'posting-subscribe-confirm',
    component: PostingSubscriptionLinkPage,
    props: { mode: 'confirm' },
    meta: { title: 'メール登録の確認' },
  },
  {
    path: '/postings/unsubscribe',
    name: 'posting-unsubscribe',
    component: PostingSubscriptionLinkPage,
    props: { mode: 'unsubscribe' },
    meta: { title: 'メール配信の停止' },
  },
  { path: '/open-data', name: 'open-data', component: OpenDataPage, meta: { title: '募集情報のオープンデータ' } },
  { path: '/postings/:id', name: 'posting', component: PostingDetailPage, props: true, meta: { title: '募集の詳細' } },
  { path: '/staff/postings', name: 'staff-postings', component: StaffPostingsPage, meta: { title: '募集の管理', for: STAFF } },
  { path: '/staff/postings/new', name: 'staff-posting-new', component: PostingEditPage, meta: { title: '新しい募集', for: ['municipality'] } },
  { path: '/staff/postings/:id', name: 'staff-posting', component: PostingEditPage, props: true, meta: { title: '募集の編集・確認', for: STAFF } },
  // matching: ranked candidates for a posting (staff) and recommended postings (candidate)
  {
    path: '/staff/postings/:id/matches',
    name: 'posting-matches',
    component: PostingMatchesPage,
    props: true,
    meta: { title: '募集に合う人材', for: ['municipality', 'prefecture'] },
  },
  { path: '/me/recommendations', name: 'recommendations', component: RecommendationsPage, meta: { title: 'あなたに合う募集', for: ['candidate'] } },
  { path: '/me/saved-searches', name: 'saved-searches', component: SavedSearchesPage, meta: { title: '保存した検索条件', for: ['candidate'] } },
  // 入札制限: procurements and bid checks (市区町村の担当者)
  { path: '/staff/bid-restrictions', name: 'bid-restrictions', component: BidRestrictionsPage, meta: { title: '入札制限', for: ['municipality'] } },
  { path: '/staff/companies', name: 'companies', component: CompaniesPage, meta: { title: '法人とグループ関係', for: ['municipality', 'national'] } },
  // 人材シェアリング: talent pools, shared/joint appointments, dispatches, the prefecture dashboard
  {
    path: '/sharing/pools',
    name: 'sharing-pools',
    component: TalentPoolsPage,
    meta: { title: '人材バンク', for: ['municipality', 'prefecture', 'candidate'] },
  },
  {
    path: '/sharing/appointments',
    name: 'sharing-appointments',
    component: SharedAppointmentsPage,
    meta: { title: '共有任用・共同任用', for: ['municipality', 'prefecture'] },
  },
  { path: '/sharing/dispatch', name: 'sharing-dispatch', component: DispatchPage, meta: { title: '専門家の派遣', for: ['municipality', 'prefecture'] } },
  { path: '/sharing/dispatch/scheme', name: 'sharing-dispatch-scheme', component: DispatchSchemePage, meta: { title: '派遣制度の設定', for: ['prefecture'] } },
  { path: '/sharing/dashboard', name: 'sharing-dashboard', component: SharingDashboardPage, meta: { title: '市区町村の外部人材の状況', for: ['prefecture'] } },
  // messages: one thread per application (the mailed notice links to the thread)
  { path: '/messages', name: 'messages', component: MessagesPage, meta: { title: 'メッセージ', for: ['candidate', 'municipality'] } },
  {
    path: '/messages/applications/:applicationId',
    name: 'application-messages',
    component: ThreadPage,
    props: true,
    meta: { title: '応募のメッセージ', for: ['candidate', 'municipality'] },
  },
  // 送信メール (国の担当者): the outbox, filtered in the URL, and one message with its retry
  { path: '/admin/mail-outbox', name: 'mail-outbox', component: MailOutboxPage, meta: { title: '送信メール', for: ['national'] } },
  { path: '/admin/mail-outbox/:id', name: 'mail-message', component: MailMessagePage, props: true, meta: { title: '送信メールの内容', for: ['national'] } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundPage, meta: { title: 'ページが見つかりません' } },
]

export function createAppRouter(history: RouterHistory = createWebHistory()) {
  const router = createRouter({
    history,
    routes,
    scrollBehavior(to, _from, savedPosition) {
      if (savedPosition) return savedPosition
      if (to.hash) return { el: to.hash }
      return { top: 0 }
    },
  })

  router.beforeEach(async (to) => {
    if (!to.meta.for) return true
    await loadSession()
    if (!session.account) return { name: 'sign-in', query: { returnTo: to.fullPath } }
    return true
  })

  router.afterEach((to, from, failure) => {
    if (failure) return
    setPageTitle(to.meta.title)
    // After an in-app navigation, move focus to the main content so screen reader and keyboard users start there.
    if (from.matched.length > 0 && to.path !== from.path && !to.hash) {
      void router.isReady().then(() => {
        requestAnimationFrame(() => document.getElementById('main')?.focus({ preventScroll: true }))
      })
    }
  })

  return router
}
