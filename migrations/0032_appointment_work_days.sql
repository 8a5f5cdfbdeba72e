-- owner: applications
-- 勤務日数 of an appointment (任用): days per week or per month, as the 任用 step records them (defaulting to the
-- posting's working conditions). Sharing counts them in the person's weekly capacity. Rows made before this
-- migration have none (unknown), and both columns are set or both empty.
ALTER TABLE appointment ADD COLUMN work_days numeric(3, 1) CHECK (work_days > 0 AND work_days <= 31);
ALTER TABLE appointment ADD COLUMN work_days_per text CHECK (work_days_per IN ('week', 'month'));
ALTER TABLE appointment ADD CONSTRAINT appointment_work_days_pair CHECK ((work_days IS NULL) = (work_days_per IS NULL));
ALTER TABLE appointment ADD CONSTRAINT appointment_work_days_per_week CHECK (work_days_per <> 'week' OR work_days <= 7);
