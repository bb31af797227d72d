-- SRS operations (issue 7), part 1: archiving a season's review tracker (domain §12.6, decisions S5, S6).
--
-- Archiving is two facts: SeasonArchivedEvent closes the season's reviews (the registry's "archived", already
-- honoured by review commands and reads), and SeasonTrackerArchivedEvent records that its tracker rows were moved
-- here and its partition dropped, in the same transaction as the move ("tracker_archived" below). Until then the
-- tracker projection still applies the season's events, so every review accepted before the archive reaches it;
-- from then on it skips them, in replays too, so archived rows never come back.

ALTER TABLE season_registry ADD COLUMN tracker_archived BOOLEAN NOT NULL DEFAULT FALSE;

ALTER TABLE season_view ADD COLUMN archived_at TIMESTAMPTZ;
ALTER TABLE season_view ADD COLUMN records_archived BIGINT;

-- The archived tracker rows: every column of srs_tracker, the same ids, plus when they were archived and whether
-- retention flagged them as eligible for deletion (after 1,095 days). Written only by the archive move, flagged
-- and deleted only through season events; no projection rebuilds it, so no replay brings deleted rows back.
CREATE TABLE srs_tracker_archive (
    id                    BIGINT           NOT NULL,
    player                VARCHAR(200)     NOT NULL,
    season                VARCHAR(64)      NOT NULL,
    question_id           VARCHAR(64)      COLLATE "C" NOT NULL,
    subject               VARCHAR(64),
    topic                 VARCHAR(64),
    state                 VARCHAR(10)      NOT NULL,
    stability             DOUBLE PRECISION NOT NULL,
    difficulty            DOUBLE PRECISION NOT NULL,
    due                   TIMESTAMPTZ      NOT NULL,
    last_review           TIMESTAMPTZ,
    reps                  INTEGER          NOT NULL,
    lapses                INTEGER          NOT NULL,
    learning_step         INTEGER          NOT NULL,
    scheduled_days        INTEGER          NOT NULL,
    last_sequence         BIGINT           NOT NULL,
    archived_at           TIMESTAMPTZ      NOT NULL,
    eligible_for_deletion BOOLEAN          NOT NULL DEFAULT FALSE,
    CONSTRAINT srs_tracker_archive_pk PRIMARY KEY (id)
);

-- Deletion of flagged rows and per-season counts (WHERE season = ? [AND eligible_for_deletion]).
CREATE INDEX srs_tracker_archive_season_idx ON srs_tracker_archive (season, eligible_for_deletion);
-- Retention's weekly search for rows to flag; flagged rows leave this index.
CREATE INDEX srs_tracker_archive_unflagged_idx ON srs_tracker_archive (season, archived_at)
    WHERE NOT eligible_for_deletion;
