-- owner: jobs
-- When each periodic job (posting expiry, digests, mail retries …) may next run, shared by every app instance on
-- this database: an instance runs a job only after moving next_run_at forward in one conditional UPDATE, so one
-- period is claimed once however many instances poll. lease_until keeps a long run from overlapping the next one
-- and lets another instance take over after a crash.
CREATE TABLE job_schedule (
  name text PRIMARY KEY,
  next_run_at timestamptz NOT NULL,
  lease_until timestamptz,
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_error text
);
