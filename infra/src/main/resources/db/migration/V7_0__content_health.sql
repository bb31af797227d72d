-- Content health checks (issue 8, domain §11.6): every run of the hourly quick check and the nightly full scan,
-- reports and skipped or failed runs alike. Operational state: no replay touches it; old runs are pruned by the
-- nightly scan (memora.health.history-retention).

CREATE TABLE content_health_run (
    id          BIGSERIAL    NOT NULL,
    kind        VARCHAR(8)   NOT NULL,   -- quick | full
    trigger     VARCHAR(16)  NOT NULL,   -- SCHEDULER | MANUAL
    outcome     VARCHAR(16)  NOT NULL,   -- reported | skipped | failed
    status      VARCHAR(16)  NOT NULL,   -- healthy | warning | critical | skipped | failed
    reason      TEXT,                    -- why a run was skipped or failed
    report      JSONB,                   -- the report (health-check.schema.json), only when reported
    node_id     VARCHAR(255) NOT NULL,
    started_at  TIMESTAMPTZ  NOT NULL,
    finished_at TIMESTAMPTZ  NOT NULL,
    CONSTRAINT content_health_run_pk PRIMARY KEY (id),
    CONSTRAINT content_health_run_kind_ck CHECK (kind IN ('quick', 'full')),
    CONSTRAINT content_health_run_outcome_ck CHECK (outcome IN ('reported', 'skipped', 'failed'))
);
CREATE INDEX content_health_run_recent_idx ON content_health_run (started_at DESC, id DESC);
CREATE INDEX content_health_run_reports_idx ON content_health_run (kind, started_at DESC, id DESC)
    WHERE outcome = 'reported';
