-- The content read model (processing group "content", one segment, decisions R1). Built for the plan export:
-- every node carries the id of its ancestor on each level above it, so one query by subject_id returns a plan's
-- whole content tree; lesson stages are a jsonb array in order. last_sequence is the aggregate sequence of the
-- last event applied to the row, so a redelivered or replayed event is a no-op.

CREATE TABLE content_node (
    kind                 VARCHAR(16)  NOT NULL,
    id                   VARCHAR(64)  NOT NULL,
    depth                SMALLINT     NOT NULL, -- 0 subject, 1 track, 2 unit, 3 topic, 4 lesson
    parent_id            VARCHAR(64),
    subject_id           VARCHAR(64)  NOT NULL,
    track_id             VARCHAR(64),
    unit_id              VARCHAR(64),
    topic_id             VARCHAR(64),
    title                VARCHAR(200) NOT NULL,
    description          TEXT,
    image                TEXT,
    is_published         BOOLEAN      NOT NULL,
    is_free_preview      BOOLEAN      NOT NULL,
    sort_order           INTEGER      NOT NULL,
    color_code           VARCHAR(7),
    is_public            BOOLEAN      NOT NULL,
    required_item        VARCHAR(140),
    is_sold_separately   BOOLEAN      NOT NULL,
    parent_item_required BOOLEAN      NOT NULL,
    badge_image          TEXT,
    stages               JSONB        NOT NULL,
    is_trashed           BOOLEAN      NOT NULL,
    created_at           TIMESTAMPTZ  NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL,
    last_sequence        BIGINT       NOT NULL,
    CONSTRAINT content_node_pk PRIMARY KEY (kind, id)
);
CREATE INDEX content_node_tree_idx ON content_node (subject_id, depth, sort_order, id);
CREATE INDEX content_node_children_idx ON content_node (kind, parent_id, sort_order, id);
-- for moves, which rewrite the ancestor ids of a whole sub-tree
CREATE INDEX content_node_track_idx ON content_node (track_id) WHERE track_id IS NOT NULL;
CREATE INDEX content_node_unit_idx ON content_node (unit_id) WHERE unit_id IS NOT NULL;
CREATE INDEX content_node_topic_idx ON content_node (topic_id) WHERE topic_id IS NOT NULL;

CREATE TABLE plan_view (
    id            VARCHAR(64)  NOT NULL,
    title         VARCHAR(200) NOT NULL,
    season_id     VARCHAR(64)  NOT NULL,
    stream        VARCHAR(64)  NOT NULL,
    grade         VARCHAR(64)  NOT NULL,
    is_trashed    BOOLEAN      NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    last_sequence BIGINT       NOT NULL,
    CONSTRAINT plan_view_pk PRIMARY KEY (id)
);

CREATE TABLE plan_subject_view (
    plan_id    VARCHAR(64) NOT NULL,
    position   INTEGER     NOT NULL, -- as listed; the manifest orders by sort_order, then position
    subject_id VARCHAR(64) NOT NULL,
    sort_order INTEGER     NOT NULL,
    CONSTRAINT plan_subject_view_pk PRIMARY KEY (plan_id, subject_id)
);
-- the plans that list a subject: how the export turns a content change into dirty plans
CREATE INDEX plan_subject_view_subject_idx ON plan_subject_view (subject_id);

CREATE TABLE plan_override_view (
    plan_id     VARCHAR(64)  NOT NULL,
    override_id VARCHAR(64)  NOT NULL,
    position    BIGINT       NOT NULL, -- order of addition
    target_type VARCHAR(16)  NOT NULL,
    target_id   VARCHAR(64)  NOT NULL,
    action      VARCHAR(32)  NOT NULL,
    value       VARCHAR(200),
    CONSTRAINT plan_override_view_pk PRIMARY KEY (plan_id, override_id)
);
