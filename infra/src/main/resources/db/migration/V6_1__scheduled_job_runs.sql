-- SRS operations (issue 7), part 2: the runs of scheduled jobs (operational state: no replay touches it).
--
-- Every scheduled job takes a cluster-wide lock (ShedLock, table shedlock) and records each run it makes here:
-- the node, when it started and finished, the outcome and a summary (JSON). A node that does not get the lock
-- records nothing: the run belongs to the node that made it. The operator dashboard (issue 8) shows these rows.

CREATE TABLE scheduled_job_run (
    id          BIGSERIAL    NOT NULL,
    job_name    VARCHAR(64)  NOT NULL,
    node_id     VARCHAR(255) NOT NULL,
    started_at  TIMESTAMPTZ  NOT NULL,
    finished_at TIMESTAMPTZ,
    -- RUNNING, SUCCEEDED or FAILED
    outcome     VARCHAR(16)  NOT NULL,
    summary     JSONB,
    error       TEXT,
    CONSTRAINT scheduled_job_run_pk PRIMARY KEY (id)
);
CREATE INDEX scheduled_job_run_job_idx ON scheduled_job_run (job_name, started_at DESC);
CREATE INDEX scheduled_job_run_recent_idx ON scheduled_job_run (started_at DESC);
