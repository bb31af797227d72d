-- The CDN settings in force, without secrets (one row once an administrator saved them). Kept by a subscribing
-- processor in the transaction that stores the settings event.
CREATE TABLE cdn_settings_state (
    id                      SMALLINT     NOT NULL DEFAULT 1,
    enabled                 BOOLEAN      NOT NULL,
    local_fallback_mode     BOOLEAN      NOT NULL,
    storage_provider        VARCHAR(32)  NOT NULL,
    endpoint_url            TEXT         NOT NULL,
    bucket_name             VARCHAR(63)  NOT NULL,
    cdn_base_url            TEXT,
    local_base_url          TEXT,
    cloudflare_zone_id      VARCHAR(64),
    batch_interval_minutes  INTEGER      NOT NULL,
    batch_threshold         INTEGER      NOT NULL,
    signed_url_expiry_hours INTEGER      NOT NULL,
    secrets_set             VARCHAR(128) NOT NULL, -- names of the secrets that hold a value, comma-separated
    updated_at              TIMESTAMPTZ  NOT NULL,
    last_sequence           BIGINT       NOT NULL,
    CONSTRAINT cdn_settings_state_pk PRIMARY KEY (id),
    CONSTRAINT cdn_settings_state_singleton_ck CHECK (id = 1)
);

-- CDN secrets (decisions X1): AES-256-GCM ciphertext (12-byte nonce first), never in an event or snapshot.
-- key_id names the key that encrypted it, so a wrong key is reported as such instead of as garbage.
CREATE TABLE cdn_secret (
    name       VARCHAR(32) NOT NULL,
    ciphertext BYTEA       NOT NULL,
    key_id     VARCHAR(16) NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT cdn_secret_pk PRIMARY KEY (name)
);
