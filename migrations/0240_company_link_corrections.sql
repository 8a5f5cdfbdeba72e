-- owner: companies
-- Corrections of the company graph the 入札制限 engine reads (手順書 参考4.4-⑦ B①③, 参考4.4-⑨ 親会社・子会社): a link
-- that ended gets its 終了日; a link entered in error is retracted — kept for the record, with when and why, and
-- left out of every read. Who corrected it, and the link before and after, are in the audit log. Past bid checks
-- keep the links they were decided on in bid_check.facts.
ALTER TABLE company_link ADD COLUMN retracted_at timestamptz;
ALTER TABLE company_link ADD COLUMN retraction_reason text CHECK (retraction_reason IS NULL OR length(retraction_reason) BETWEEN 1 AND 500);
ALTER TABLE company_link ADD CONSTRAINT company_link_retraction_pair CHECK ((retracted_at IS NULL) = (retraction_reason IS NULL));
