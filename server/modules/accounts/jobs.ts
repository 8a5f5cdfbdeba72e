import type { Config } from '../../config.ts'
import type { Db } from '../../db/database.ts'
import type { JobDefinition } from '../../jobs/index.ts'
import { sweepAttempts } from './attempt-repository.ts'
import type { AttemptLimits } from './rate-limit.ts'

type LimitConfig = Pick<Config, 'authAttemptsPerIp' | 'authAttemptsPerAccount' | 'authAttemptsPerWindow' | 'authWindowMinutes'>

export function attemptLimits(config: LimitConfig): AttemptLimits {
  return {
    perIp: config.authAttemptsPerIp,
    perAccount: config.authAttemptsPerAccount,
    perIpAndAccount: config.authAttemptsPerWindow,
    windowSeconds: config.authWindowMinutes * 60,
  }
}

/** Ended attempt windows and day-old sign-in delays are deleted hourly, so the tables stay small. */
export function accountJobs({ db, config }: { db: Db; config: LimitConfig }): JobDefinition[] {
  const { windowSeconds } = attemptLimits(config)
  return [{ name: 'accounts.attempts-sweep', everySeconds: 60 * 60, run: (now) => sweepAttempts(db, now, windowSeconds) }]
}
