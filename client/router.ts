import { createRouter, createWebHistory, type RouterHistory, type RouteRecordRaw } from 'vue-router'
import HomePage from './pages/HomePage.vue'
import NotFoundPage from './pages/NotFoundPage.vue'
import RoleDetailPage from './pages/skill-standard/RoleDetailPage.vue'
import SkillStandardPage from './pages/skill-standard/SkillStandardPage.vue'
import { setPageTitle } from './title.ts'

declare module 'vue-router' {
  interface RouteMeta {
    /** Page title shown before the service name in the browser tab; a page with loaded data may refine it. */
    title?: string
  }
}

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
