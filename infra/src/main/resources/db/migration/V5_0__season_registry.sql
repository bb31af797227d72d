-- Spaced repetition core (issue 6), part 1: the season registry.
--
-- The command side's synchronous view of the seasons (decisions S1, S6), written by the subscribing processor
-- "season-registry" in the same transaction as each season event: never behind the event store. It answers which
-- season is active and whether a season exists or is archived when a review arrives; the season read model
-- (season_view) is asynchronous and must not answer those questions.

CREATE TABLE season_registry (
    season_id         VARCHAR(64) NOT NULL,
    active            BOOLEAN     NOT NULL DEFAULT FALSE,
    enable_redis      BOOLEAN     NOT NULL DEFAULT TRUE,
    partition_created BOOLEAN     NOT NULL DEFAULT FALSE,
    -- set by the consumer of the season-archived event (issue 7); reviews and the tracker projection honour it
    archived          BOOLEAN     NOT NULL DEFAULT FALSE,
    CONSTRAINT season_registry_pk PRIMARY KEY (season_id)
);

-- At most one active season (decisions S1): two transactions activating two seasons cannot both commit.
CREATE UNIQUE INDEX season_registry_one_active_idx ON season_registry ((TRUE)) WHERE active;

-- Seasons created before this migration. Before it nothing kept a single season active; should several be, the
-- one that starts last stays active in the registry (the others' aggregates still say active until an editor
-- deactivates them or another season is activated).
INSERT INTO season_registry (season_id, active, enable_redis)
SELECT v.id,
       v.id = (SELECT a.id FROM season_view a WHERE a.active ORDER BY a.start_date DESC, a.id DESC LIMIT 1),
       v.enable_redis
FROM season_view v;

-- partition_created in the season read model (decisions S1).
ALTER TABLE season_view ADD COLUMN partition_created BOOLEAN NOT NULL DEFAULT FALSE;
