-- The command side's synchronous lookup of content nodes and plans (ContentRegistry). Written by a subscribing
-- event processor in the same transaction as the event append, read (with row locks) by command handlers for the
-- rules that span aggregates. Not a read model: queries never read it; a rebuild replays the event store into it.

CREATE TABLE content_registry (
    kind      VARCHAR(16) NOT NULL,              -- subject, track, unit, topic, lesson, plan
    id        VARCHAR(64) NOT NULL,
    parent_id VARCHAR(64),                       -- the node of the level above; null for subjects and plans
    state     VARCHAR(8)  NOT NULL,
    own_item  BOOLEAN     NOT NULL DEFAULT FALSE, -- a subject or track with its own required_item
    CONSTRAINT content_registry_pk PRIMARY KEY (kind, id),
    CONSTRAINT content_registry_state_ck CHECK (state IN ('ACTIVE', 'TRASHED', 'DELETED'))
);
CREATE INDEX content_registry_children_idx ON content_registry (kind, parent_id) WHERE state <> 'DELETED';

-- Which plans list which subjects, so a subject still listed by a plan is never deleted for good.
CREATE TABLE plan_subject_registry (
    plan_id    VARCHAR(64) NOT NULL,
    subject_id VARCHAR(64) NOT NULL,
    CONSTRAINT plan_subject_registry_pk PRIMARY KEY (plan_id, subject_id)
);
CREATE INDEX plan_subject_registry_subject_idx ON plan_subject_registry (subject_id);
