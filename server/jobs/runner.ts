import type { FastifyBaseLogger } from 'fastify'
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'

/** One piece of periodic work. Modules hand these to `registerJob`; see README.md beside this file. */
export interface JobDefinition {
  /** Stable, unique name, e.g. `postings.expire`: the job's row in job_schedule. */
  name: string
  /** The shortest time between two runs, counted across every instance on the database. */
  everySeconds: number
  /** How long a run may take before another instance may start the job again (a crashed run's lease ends). */
  leaseSeconds?: number
  /** The work. It must itself be safe to overlap (conditional updates, row locks), as a lease can run out. */
  run(now: Date): Promise<unknown>
}

export interface JobRunner {
  registerJob(job: JobDefinition): void
  /** Runs, one after another, every registered job whose time has come and that no instance holds; returns their names. */
  runDue(): Promise<string[]>
  /** Polls every `pollSeconds` (the process; tests call runDue themselves). */
  start(pollSeconds?: number): void
  /** Stops polling and waits for the run in progress. */
  stop(): Promise<void>
}

export interface JobRunnerOptions {
  db: Db
  clock: () => Date
  log?: Pick<FastifyBaseLogger, 'error'>
}

/**
 * Periodic work that runs once per period however many app instances share the database: an instance runs a job
 * only when its conditional UPDATE moved the job's next_run_at forward, which one instance wins. Works the same on
 * PGlite and PostgreSQL (no advisory lock needed, no extra process).
 */
export function createJobRunner({ db, clock, log }: JobRunnerOptions): JobRunner {
  const jobs = new Map<string, JobDefinition>()
  let timer: NodeJS.Timeout | undefined
  let running: Promise<string[]> | null = null

  async function claim(job: JobDefinition, now: Date): Promise<boolean> {
    await db
      .insertInto('job_schedule')
      .values({ name: job.name, next_run_at: now })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute()
    const claimed = await db
      .updateTable('job_schedule')
      .set({
        next_run_at: sql<Date>`${now}::timestamptz + make_interval(secs => ${job.everySeconds})`,
        lease_until: sql<Date>`${now}::timestamptz + make_interval(secs => ${job.leaseSeconds ?? Math.max(60, job.everySeconds)})`,
        last_started_at: now,
      })
      .where('name', '=', job.name)
      .where('next_run_at', '<=', now)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
      .executeTakeFirst()
    return Number(claimed.numUpdatedRows) === 1
  }

  async function runOnce(job: JobDefinition): Promise<boolean> {
    const now = clock()
    if (!(await claim(job, now))) return false
    let error: string | null = null
    try {
      await job.run(now)
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure)
      log?.error({ err: failure, job: job.name }, 'periodic job failed')
    }
    await db
      .updateTable('job_schedule')
      .set({ lease_until: null, last_finished_at: clock(), last_error: error?.slice(0, 500) ?? null })
      .where('name', '=', job.name)
      .execute()
    return true
  }

  async function runEachDue(): Promise<string[]> {
    const ran: string[] = []
    for (const job of jobs.values()) {
      try {
        if (await runOnce(job)) ran.push(job.name)
      } catch (failure) {
        // the database was unreachable: the next poll tries again
        log?.error({ err: failure, job: job.name }, 'periodic job could not be scheduled')
      }
    }
    return ran
  }

  // one pass at a time in this process: a poll that finds a pass running skips its turn
  async function runDue(): Promise<string[]> {
    while (running) await running
    running = runEachDue()
    try {
      return await running
    } finally {
      running = null
    }
  }

  return {
    registerJob(job) {
      if (jobs.has(job.name)) throw new Error(`定期処理 ${job.name} は既に登録されています。`)
      if (!(job.everySeconds >= 1)) throw new Error(`定期処理 ${job.name} の間隔が正しくありません。`)
      jobs.set(job.name, job)
    },
    runDue,
    start(pollSeconds = 15) {
      if (timer) return
      const poll = () => {
        if (!running) void runDue()
      }
      timer = setInterval(poll, pollSeconds * 1000)
      timer.unref()
      poll()
    },
    async stop() {
      clearInterval(timer)
      timer = undefined
      while (running) await running
    },
  }
}
