-- 0008: the organisation's own terms for certification: the days a
-- certification body gives to send a finding's correction plan and its
-- evidence, and the largest file kept as evidence, in megabytes.

ALTER TABLE organisation ADD COLUMN correction_plan_days INTEGER NOT NULL DEFAULT 30;
ALTER TABLE organisation ADD COLUMN evidence_days INTEGER NOT NULL DEFAULT 90;
ALTER TABLE organisation ADD COLUMN evidence_limit_mb INTEGER NOT NULL DEFAULT 25;
