-- Interrupted work is detectable (review finding 3). Background jobs use their updated_at as heartbeat, refreshed by
-- the node running them. Scheduled runs (table scheduled_job_run, created by V6_1, which a new database applies
-- after this one) keep theirs here, one row per run in progress, refreshed by the node making the run and removed
-- when it ends; a RUNNING run whose heartbeat is stale belongs to a node that stopped.
CREATE TABLE scheduled_job_run_heartbeat (
    run_id       BIGINT      NOT NULL,
    heartbeat_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT scheduled_job_run_heartbeat_pk PRIMARY KEY (run_id)
);

-- The job sweep looks only at RUNNING jobs.
CREATE INDEX background_job_running_idx ON background_job (updated_at) WHERE state = 'RUNNING';
