-- owner: bid-restrictions
-- An 適用除外 application is about the 兼業先 of one appointee (手順書 参考4.4-⑨ (a)(b): contacts with 兼業者):
-- the record names that appointee. Applications recorded before it stay without one.
ALTER TABLE bid_exemption ADD COLUMN appointment_id uuid REFERENCES appointment (id);
CREATE INDEX bid_exemption_municipality_idx ON bid_exemption (municipality_code, created_at DESC);
