-- The CDN's operational state (decisions O4), one row for the deployment, shared by every node. Plain operational
-- state: no replay touches it. "ready": a full upload and a parity check passed for ready_target since the CDN was
-- enabled or its bucket changed. "healthy": fewer than N consecutive failed uploads or probes (memora.cdn
-- .failures-before-unhealthy, default 3).
CREATE TABLE cdn_status (
    id                   SMALLINT    NOT NULL DEFAULT 1,
    ready                BOOLEAN     NOT NULL DEFAULT FALSE,
    ready_target         TEXT,
    ready_since          TIMESTAMPTZ,
    readiness_note       TEXT,
    healthy              BOOLEAN     NOT NULL DEFAULT TRUE,
    consecutive_failures INTEGER     NOT NULL DEFAULT 0,
    last_failure_at      TIMESTAMPTZ,
    last_failure         TEXT,
    last_success_at      TIMESTAMPTZ,
    unhealthy_since      TIMESTAMPTZ,
    updated_at           TIMESTAMPTZ NOT NULL,
    CONSTRAINT cdn_status_pk PRIMARY KEY (id),
    CONSTRAINT cdn_status_singleton_ck CHECK (id = 1),
    CONSTRAINT cdn_status_failures_ck CHECK (consecutive_failures >= 0)
);

INSERT INTO cdn_status (id, ready, readiness_note, updated_at)
VALUES (1, FALSE, 'never published: the CDN becomes ready after a full upload and a clean parity check', now());
