-- Operational state: plain tables that no replay touches.

CREATE TABLE notification (
    id              BIGSERIAL    NOT NULL,
    kind            VARCHAR(64)  NOT NULL,
    severity        VARCHAR(16)  NOT NULL,
    subject         VARCHAR(255) NOT NULL,
    message         TEXT         NOT NULL,
    dedup_key       VARCHAR(255) NOT NULL,
    occurrences     INTEGER      NOT NULL DEFAULT 1,
    first_raised_at TIMESTAMPTZ  NOT NULL,
    last_raised_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT notification_pk PRIMARY KEY (id)
);
CREATE INDEX notification_recent_idx ON notification (last_raised_at DESC);
CREATE INDEX notification_dedup_idx ON notification (dedup_key, last_raised_at DESC);

CREATE TABLE background_job (
    id               UUID        NOT NULL,
    type             VARCHAR(64) NOT NULL,
    description      TEXT        NOT NULL,
    state            VARCHAR(16) NOT NULL,
    node_id          VARCHAR(255) NOT NULL,
    done             BIGINT      NOT NULL DEFAULT 0,
    total            BIGINT      NOT NULL DEFAULT -1,
    message          TEXT,
    details          JSONB,
    result           JSONB,
    error            TEXT,
    cancel_requested BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    finished_at      TIMESTAMPTZ,
    CONSTRAINT background_job_pk PRIMARY KEY (id)
);
CREATE INDEX background_job_recent_idx ON background_job (created_at DESC);

-- ShedLock: one node at a time for scheduled jobs (decisions O7).
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    CONSTRAINT shedlock_pk PRIMARY KEY (name)
);
