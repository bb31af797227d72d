-- Spaced repetition core (issue 6), part 2: the review tracker, a projection of the players' submissions.
--
-- One row per player, season and question with its FSRS-6 memory, LIST-partitioned by season (decisions S5). The
-- partitions are created at run time, one per season (p_ + the season id in lower case with - . and space as _,
-- at most 50 characters: SEASON-2026 -> p_season_2026), by the season partition manager and, if still missing, by
-- the tracker projection before it writes: the one exception to "Flyway owns every table". There is no default
-- partition, so a row can only land in its season's partition and archiving can drop a whole season.

CREATE SEQUENCE srs_tracker_id_seq;

CREATE TABLE srs_tracker (
    -- a stable row id, kept when archiving moves the row (issue 7)
    id             BIGINT           NOT NULL DEFAULT nextval('srs_tracker_id_seq'),
    player         VARCHAR(200)     NOT NULL,
    season         VARCHAR(64)      NOT NULL,
    -- byte order, as Redis orders queue members of equal due time
    question_id    VARCHAR(64)      COLLATE "C" NOT NULL,
    subject        VARCHAR(64),
    topic          VARCHAR(64),
    -- FSRS-6 memory after the last review (the scheduler's numbers, never recomputed here)
    state          VARCHAR(10)      NOT NULL,
    stability      DOUBLE PRECISION NOT NULL,
    difficulty     DOUBLE PRECISION NOT NULL,
    due            TIMESTAMPTZ      NOT NULL,
    last_review    TIMESTAMPTZ,
    reps           INTEGER          NOT NULL,
    lapses         INTEGER          NOT NULL,
    learning_step  INTEGER          NOT NULL,
    scheduled_days INTEGER          NOT NULL,
    -- the sequence number (in the player's memory stream) of the event that wrote the row: older ones are ignored
    last_sequence  BIGINT           NOT NULL,
    CONSTRAINT srs_tracker_pk PRIMARY KEY (player, season, question_id),
    CONSTRAINT srs_tracker_state_ck CHECK (state IN ('New', 'Learning', 'Review', 'Relearning'))
) PARTITION BY LIST (season);

-- Due reviews of one player (Safe Mode, queue rebuilds): WHERE player = ? AND season = ? AND due <= now ORDER BY due.
CREATE INDEX srs_tracker_due_idx ON srs_tracker (player, season, due);

-- The last submission applied per player and season, written with the rows: the tracker's side of the consistency
-- token (decisions R5). Never ahead of the rows it describes.
CREATE TABLE srs_tracker_progress (
    player        VARCHAR(200) NOT NULL,
    season        VARCHAR(64)  NOT NULL,
    last_sequence BIGINT       NOT NULL,
    CONSTRAINT srs_tracker_progress_pk PRIMARY KEY (player, season)
);
