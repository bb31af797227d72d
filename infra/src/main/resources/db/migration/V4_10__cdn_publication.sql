-- CDN publication wired into the export pipeline (issue 5). Everything here is operational state: no replay and no
-- projection reset touches it (decisions O2).

-- One number line for what the CDN is owed, so that clearing "everything up to what an attempt read" never clears
-- something recorded while the attempt ran.
CREATE SEQUENCE cdn_debt_seq;

-- Per plan: the CDN still owes it something (decisions O2, O3, F8), and where its publication stands. A row exists
-- while anything is owed or a failure waits for a retry or an operator; a successful publication deletes it.
CREATE TABLE cdn_plan_debt (
    plan_id         VARCHAR(64) NOT NULL,
    state           VARCHAR(16) NOT NULL, -- OWED, RETRY_WAIT, DEAD_LETTER, FAILED
    full_sync_seq   BIGINT,               -- the plan's whole folder must be brought level with the local one
    failed_attempts INTEGER     NOT NULL DEFAULT 0, -- transient failures in a row: the one retry counter per plan
    next_retry_at   TIMESTAMPTZ,          -- RETRY_WAIT only
    last_error      TEXT,
    last_attempt_at TIMESTAMPTZ,
    last_log_id     BIGINT,               -- the sync log entry of the latest attempt
    owed_since      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT cdn_plan_debt_pk PRIMARY KEY (plan_id),
    CONSTRAINT cdn_plan_debt_state_ck CHECK (state IN ('OWED', 'RETRY_WAIT', 'DEAD_LETTER', 'FAILED')),
    CONSTRAINT cdn_plan_debt_attempts_ck CHECK (failed_attempts >= 0)
);
CREATE INDEX cdn_plan_debt_due_idx ON cdn_plan_debt (state, next_retry_at);

-- The single files a plan owes: upload its local bytes, or delete the key. A path has one row; the later action
-- wins (a file deleted and written again is owed as an upload).
CREATE TABLE cdn_plan_debt_path (
    plan_id    VARCHAR(64)  NOT NULL,
    path       VARCHAR(300) NOT NULL,
    action     VARCHAR(8)   NOT NULL, -- UPLOAD, DELETE
    seq        BIGINT       NOT NULL,
    owed_since TIMESTAMPTZ  NOT NULL,
    CONSTRAINT cdn_plan_debt_path_pk PRIMARY KEY (plan_id, path),
    CONSTRAINT cdn_plan_debt_path_action_ck CHECK (action IN ('UPLOAD', 'DELETE'))
);

-- The hashes of every file a publication uploaded (domain §3 local_hash / cdn_hash, §11.5): local MD5 and the ETag
-- the store answered, per sync log entry.
CREATE TABLE export_sync_log_upload (
    log_id     BIGINT       NOT NULL,
    path       VARCHAR(300) NOT NULL,
    local_md5  VARCHAR(32)  NOT NULL,
    cdn_etag   VARCHAR(64)  NOT NULL,
    size_bytes BIGINT       NOT NULL,
    attempts   SMALLINT     NOT NULL, -- 2 when the first upload came back with another ETag
    CONSTRAINT export_sync_log_upload_pk PRIMARY KEY (log_id, path)
);

-- What a publication removed from the bucket, and what its cache purge did (filled after the purge ran).
ALTER TABLE export_sync_log
    ADD COLUMN files_deleted_cdn INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN files_purged      INTEGER,
    ADD COLUMN purge_note        TEXT;

-- Readiness (O4): the target for which a full sync of every plan was queued, so the readiness job queues it once per
-- enabling or bucket change (a readiness reset clears it).
ALTER TABLE cdn_status
    ADD COLUMN sync_round_target     TEXT,
    ADD COLUMN sync_round_started_at TIMESTAMPTZ;

-- The latest parity check (issue 5 point 8), one row.
CREATE TABLE cdn_parity_check (
    id          SMALLINT    NOT NULL DEFAULT 1,
    checked_at  TIMESTAMPTZ NOT NULL,
    trigger     VARCHAR(16) NOT NULL, -- OPERATOR, READINESS
    target      TEXT        NOT NULL, -- endpoint and bucket compared
    clean       BOOLEAN     NOT NULL,
    report      JSONB       NOT NULL,
    CONSTRAINT cdn_parity_check_pk PRIMARY KEY (id),
    CONSTRAINT cdn_parity_check_one_row_ck CHECK (id = 1)
);

-- When the signed video links of a plan's lesson files expire (decisions F7): the re-sign job queues the plans whose
-- links have reached half their lifetime.
CREATE TABLE cdn_plan_signed_links (
    plan_id    VARCHAR(64) NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT cdn_plan_signed_links_pk PRIMARY KEY (plan_id)
);
CREATE INDEX cdn_plan_signed_links_expiry_idx ON cdn_plan_signed_links (expires_at);
