CREATE TABLE season_view (
    id            VARCHAR(64)  NOT NULL,
    title         VARCHAR(200) NOT NULL,
    start_date    DATE         NOT NULL,
    end_date      DATE         NOT NULL,
    active        BOOLEAN      NOT NULL,
    enable_redis  BOOLEAN      NOT NULL,
    auto_archive  BOOLEAN      NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    -- the aggregate sequence number of the last event applied, so a redelivered event is a no-op
    last_sequence BIGINT       NOT NULL,
    CONSTRAINT season_view_pk PRIMARY KEY (id)
);
