-- The plan export pipeline (issue 4). Every table here is operational state: no replay and no projection reset
-- touches it (decisions O2, R2). The content read model it reads is V2_1.

-- One number line for dirty-plan marks and the removals that come with them. A mark takes its number when it is
-- written (after the row lock), so per plan the numbers grow in commit order and a build can consume exactly the
-- marks it covered.
CREATE SEQUENCE export_change_seq;

-- Plans whose output may have changed and that wait for a build (decisions D6, O1, R1). Written by the
-- DirtyPlanMarker in processing group "content", in the transaction that updates the read model; one row per plan
-- however many changes it coalesces.
CREATE TABLE export_dirty_plan (
    plan_id         VARCHAR(64)  NOT NULL,
    mark_seq        BIGINT       NOT NULL, -- the latest change; a build deletes the row only up to what it read
    first_marked_at TIMESTAMPTZ  NOT NULL, -- when the plan started waiting (the queue is served oldest first)
    last_marked_at  TIMESTAMPTZ  NOT NULL,
    changes         INTEGER      NOT NULL, -- changes coalesced into this one build
    reason          VARCHAR(300) NOT NULL, -- the latest change, for operators
    manual          BOOLEAN      NOT NULL, -- an operator asked for the rebuild
    CONSTRAINT export_dirty_plan_pk PRIMARY KEY (plan_id)
);
CREATE INDEX export_dirty_plan_queue_idx ON export_dirty_plan (first_marked_at, plan_id);

-- Files to remove at once because a node was trashed or deleted, or a plan was trashed or deleted (decisions F8).
-- Written with the mark of the same change; applied right after that transaction commits, and superseded by any
-- build that covered the change (export_plan_state.covered_seq).
CREATE TABLE export_pending_removal (
    id           BIGSERIAL    NOT NULL,
    plan_id      VARCHAR(64)  NOT NULL,
    path         VARCHAR(300) NOT NULL, -- relative to the content root
    is_directory BOOLEAN      NOT NULL,
    change_seq   BIGINT       NOT NULL, -- the mark written with it
    queued_at    TIMESTAMPTZ  NOT NULL,
    reason       VARCHAR(300) NOT NULL,
    CONSTRAINT export_pending_removal_pk PRIMARY KEY (id)
);
CREATE INDEX export_pending_removal_plan_idx ON export_pending_removal (plan_id, change_seq);

-- A plan's publication state (decisions O2): the latest status and what is published. The build number grows
-- from here, so it keeps growing across replays (F5).
CREATE TABLE export_plan_state (
    plan_id           VARCHAR(64) NOT NULL,
    status            VARCHAR(16) NOT NULL, -- PROCESSING, SUCCESS, LOCAL_ONLY, FAILED, RETRY_WAIT, DEAD_LETTER
    last_build_number BIGINT      NOT NULL, -- the number of the latest build that ran
    version           BIGINT,               -- the number of the latest build that changed a file
    covered_seq       BIGINT      NOT NULL, -- the files on disk reflect every change up to this mark
    last_log_id       BIGINT,
    last_built_at     TIMESTAMPTZ,
    last_error        TEXT,
    updated_at        TIMESTAMPTZ NOT NULL,
    CONSTRAINT export_plan_state_pk PRIMARY KEY (plan_id)
);
CREATE INDEX export_plan_state_status_idx ON export_plan_state (status);

-- The sync log (decisions O2, domain §3): one entry per plan build. The CDN upload (issue 5) fills the upload
-- columns and the retry states.
CREATE TABLE export_sync_log (
    id              BIGSERIAL    NOT NULL,
    plan_id         VARCHAR(64)  NOT NULL,
    status          VARCHAR(16)  NOT NULL, -- QUEUED, PROCESSING, SUCCESS, LOCAL_ONLY, FAILED, RETRY_WAIT, DEAD_LETTER
    trigger         VARCHAR(16)  NOT NULL, -- SCHEDULER, THRESHOLD, MANUAL, REPLAY
    reason          VARCHAR(300),          -- the latest change the build covers
    changes         INTEGER      NOT NULL,
    build_number    BIGINT       NOT NULL,
    queued_at       TIMESTAMPTZ,
    started_at      TIMESTAMPTZ  NOT NULL,
    finished_at     TIMESTAMPTZ,
    files_written   INTEGER      NOT NULL DEFAULT 0,
    files_unchanged INTEGER      NOT NULL DEFAULT 0,
    files_deleted   INTEGER      NOT NULL DEFAULT 0,
    files_uploaded  INTEGER      NOT NULL DEFAULT 0,
    sync_verified   BOOLEAN,
    attempt         INTEGER      NOT NULL DEFAULT 1,
    next_retry_at   TIMESTAMPTZ,
    warnings        JSONB        NOT NULL DEFAULT '[]',
    error           TEXT,
    node_id         VARCHAR(255) NOT NULL,
    CONSTRAINT export_sync_log_pk PRIMARY KEY (id),
    CONSTRAINT export_sync_log_times_ck CHECK (finished_at IS NULL OR finished_at >= started_at)
);
CREATE INDEX export_sync_log_plan_idx ON export_sync_log (plan_id, id DESC);
CREATE INDEX export_sync_log_status_idx ON export_sync_log (status, id DESC);

-- The batch processor as a whole (one row): its last run, why it is paused, and whether a replay of the content
-- model owes every plan one build (decisions R2; set in the replay's reset transaction).
CREATE TABLE export_batch_state (
    id                    SMALLINT     NOT NULL,
    last_run_started_at   TIMESTAMPTZ,
    last_run_finished_at  TIMESTAMPTZ,
    last_run_trigger      VARCHAR(16),
    last_run_node         VARCHAR(255),
    last_run_built        INTEGER      NOT NULL DEFAULT 0,
    last_run_failed       INTEGER      NOT NULL DEFAULT 0,
    last_run_skipped      INTEGER      NOT NULL DEFAULT 0,
    paused_reason         TEXT,
    paused_since          TIMESTAMPTZ,
    replay_rebuild_owed   BOOLEAN      NOT NULL DEFAULT FALSE,
    replay_started_at     TIMESTAMPTZ,
    CONSTRAINT export_batch_state_pk PRIMARY KEY (id),
    CONSTRAINT export_batch_state_one_row_ck CHECK (id = 1)
);
INSERT INTO export_batch_state (id) VALUES (1);
