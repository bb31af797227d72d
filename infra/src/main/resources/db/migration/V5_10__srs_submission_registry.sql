-- Spaced repetition core (issue 6), fix: the registry of client submission ids.
--
-- A submission_id names one submission of a player, whatever the season: sending it again returns the first answer
-- (decisions S3). The player-memory aggregate only knows the ids of its own season, and the controller rate-limits
-- and resolves the season before the aggregate sees the id, so a repeat after the active season changed, after an
-- archive or over the rate limit would not get the first answer. This registry is looked up first. It is written by
-- the subscribing processor "srs-submission-registry" in the same transaction as the submission's event (command-side
-- state like season_registry: nothing replays it) and points at that event: the first answer is rebuilt from it.

CREATE TABLE srs_submission (
    player        VARCHAR(200) NOT NULL,
    submission_id VARCHAR(64)  NOT NULL,
    season        VARCHAR(64)  NOT NULL,
    -- the sequence of the submission's event in the player's memory stream of that season
    sequence      BIGINT       NOT NULL,
    submitted_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT srs_submission_pk PRIMARY KEY (player, submission_id)
);

-- Submissions stored before this migration, from their events (the first one where an id was ever used twice).
INSERT INTO srs_submission (player, submission_id, season, sequence, submitted_at)
SELECT DISTINCT ON (e.event ->> 'playerId', e.event ->> 'submissionId')
       e.event ->> 'playerId', e.event ->> 'submissionId', e.event ->> 'seasonId', e.sequence_number,
       (e.event ->> 'reviewedAt')::timestamptz
FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS event, sequence_number, global_index
      FROM domain_event_entry
      WHERE payload_type = 'com.memora.kernel.srs.ReviewsSubmittedEvent') e
WHERE e.event ->> 'submissionId' IS NOT NULL
ORDER BY e.event ->> 'playerId', e.event ->> 'submissionId', e.global_index;
