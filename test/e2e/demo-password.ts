/**
 * The browser journeys sign in with the demo accounts that `npm start` creates on its empty data directory; the
 * server is started with this password for all of them, so no journey depends on a password printed at start-up.
 */
export const E2E_DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'e2e-demo-password-2026'
