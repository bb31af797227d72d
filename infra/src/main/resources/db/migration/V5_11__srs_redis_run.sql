-- Spaced repetition core (issue 6), fix: the Redis run whose review queues are current (decisions R6).
--
-- When Redis comes back with a new run id (a restart, possibly from an old append-only file or snapshot), every
-- cached review queue is dropped and reads rebuild them. The run id last handled used to live in Redis itself, where
-- an eviction (allkeys-lru) or a FLUSHALL could remove it, and the next probe would then drop every queue, even those a
-- rebuild had just written. It lives here now: operational state, one row, never replayed. The node handling a new
-- run id holds this row locked while it drops the queues, so other nodes (and cache rebuilds) wait for it instead of
-- racing it.

CREATE TABLE srs_redis_run (
    id         SMALLINT     NOT NULL DEFAULT 1,
    -- NULL until the first run id is handled
    run_id     VARCHAR(64),
    handled_at TIMESTAMPTZ,
    handled_by VARCHAR(255),
    CONSTRAINT srs_redis_run_pk PRIMARY KEY (id),
    CONSTRAINT srs_redis_run_single_row CHECK (id = 1)
);
INSERT INTO srs_redis_run (id) VALUES (1);
