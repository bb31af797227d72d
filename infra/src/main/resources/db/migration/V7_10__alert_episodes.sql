-- Alert episodes (issue 8 review): an alert stays one open notification until its condition is over (resolved_at),
-- and a condition that lasts is mailed again once per de-duplication window measured from the episode's first
-- raise (last_mailed_at records the latest mail or reminder).
ALTER TABLE notification ADD COLUMN resolved_at TIMESTAMPTZ;
ALTER TABLE notification ADD COLUMN last_mailed_at TIMESTAMPTZ;
UPDATE notification SET last_mailed_at = first_raised_at;
ALTER TABLE notification ALTER COLUMN last_mailed_at SET NOT NULL;
CREATE INDEX notification_open_idx ON notification (dedup_key, id DESC) WHERE resolved_at IS NULL;
