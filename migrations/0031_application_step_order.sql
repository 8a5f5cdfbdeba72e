-- owner: applications
-- Steps recorded in one instant (a pinned clock, or two quick clicks) need an order of their own.
ALTER TABLE application_step ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
DROP INDEX application_step_application_idx;
CREATE INDEX application_step_application_idx ON application_step (application_id, seq);
