-- Spaced repetition operations (issue 7), fix: review queues a reconciliation found behind the tracker.
--
-- A queue whose #applied marker is behind the tracker's progress is "in flight" for one reconciliation: the queue
-- projection may simply be a moment behind. One that a later reconciliation finds still behind the same tracker
-- position (and at least memora.srs.operations.reconcile-stale-after later) lost or parked an update: it is reported
-- as a stale queue and dropped, so the next read rebuilds it from the tracker. Operational state, never replayed;
-- at most one row per queue seen lagging, removed once it caught up or was dropped.

CREATE TABLE srs_lagging_queue (
    season           VARCHAR(64)  NOT NULL,
    player           VARCHAR(200) NOT NULL,
    -- the submission the tracker had applied for the player when the queue was first seen behind it
    tracker_sequence BIGINT       NOT NULL,
    first_seen_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT srs_lagging_queue_pk PRIMARY KEY (season, player)
);
