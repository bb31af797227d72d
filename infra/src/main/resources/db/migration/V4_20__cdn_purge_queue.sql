-- Cache purges still owed (domain §9.3, decisions O6): written when a publication has changed files, deleted when the
-- purge was sent. A node that stops in between leaves them here for the next drain of any node, instead of losing
-- them with its memory (the CDN would serve stale copies until they expire).
CREATE TABLE cdn_purge_pending (
    log_id    BIGINT       NOT NULL, -- the sync log entry whose publication changed the files
    path      VARCHAR(300) NOT NULL,
    queued_at TIMESTAMPTZ  NOT NULL,
    CONSTRAINT cdn_purge_pending_pk PRIMARY KEY (log_id, path)
);
