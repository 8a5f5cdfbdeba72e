import './zod-config.ts'
import './styles/global.css'
import { createApp } from 'vue'
import App from './App.vue'
import { createAppRouter } from './router.ts'

const router = createAppRouter()
createApp(App).use(router).mount('#app')
