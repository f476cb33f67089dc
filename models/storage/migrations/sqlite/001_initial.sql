-- Herald schema 1 (SQLite). Same tables, keys and indexes as the PostgreSQL file.
-- Timestamps are UTC ISO-8601 text with milliseconds; booleans are 0/1.

CREATE TABLE nonprofits (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    email       TEXT NOT NULL,
    ein         TEXT,
    street      TEXT NOT NULL DEFAULT '',
    city        TEXT NOT NULL DEFAULT '',
    region      TEXT NOT NULL DEFAULT '',
    postal_code TEXT NOT NULL DEFAULT '',
    country     TEXT NOT NULL DEFAULT 'US',
    status      TEXT NOT NULL DEFAULT 'active'
                CHECK (status IN ('active', 'unsubscribed', 'bounced', 'complained')),
    consent     TEXT NOT NULL DEFAULT 'unknown',
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX nonprofits_email_key ON nonprofits (lower(email));
CREATE UNIQUE INDEX nonprofits_ein_key ON nonprofits (ein) WHERE ein IS NOT NULL;
CREATE INDEX nonprofits_name_idx ON nonprofits (lower(name), id);
CREATE INDEX nonprofits_city_idx ON nonprofits (lower(city), id);
CREATE INDEX nonprofits_updated_idx ON nonprofits (updated_at, id);

CREATE TABLE nonprofit_tags (
    nonprofit_id INTEGER NOT NULL REFERENCES nonprofits (id) ON DELETE CASCADE,
    tag          TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 64),
    PRIMARY KEY (tag, nonprofit_id)
) WITHOUT ROWID;
CREATE INDEX nonprofit_tags_nonprofit_idx ON nonprofit_tags (nonprofit_id);

CREATE TABLE suppressions (
    email      TEXT PRIMARY KEY CHECK (email = lower(email)),
    reason     TEXT NOT NULL CHECK (reason IN ('unsubscribed', 'hard_bounce', 'complaint', 'manual')),
    source     TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) WITHOUT ROWID;

CREATE TABLE templates (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    subject    TEXT NOT NULL DEFAULT '',
    html_body  TEXT NOT NULL DEFAULT '',
    text_body  TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    version    INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX templates_name_key ON templates (lower(name));

CREATE TABLE campaigns (
    id                   INTEGER PRIMARY KEY,
    uuid                 TEXT NOT NULL UNIQUE,
    name                 TEXT NOT NULL CHECK (length(trim(name)) > 0),
    template_id          INTEGER REFERENCES templates (id) ON DELETE RESTRICT,
    template_version     INTEGER NOT NULL DEFAULT 0,
    subject              TEXT NOT NULL DEFAULT '',
    html_body            TEXT NOT NULL DEFAULT '',
    text_body            TEXT NOT NULL DEFAULT '',
    audience             TEXT NOT NULL DEFAULT '{"all":true}',
    from_name            TEXT NOT NULL DEFAULT '',
    from_email           TEXT NOT NULL DEFAULT '',
    reply_to             TEXT NOT NULL DEFAULT '',
    postal_address       TEXT NOT NULL DEFAULT '',
    unsubscribe_base_url TEXT NOT NULL DEFAULT '',
    status               TEXT NOT NULL DEFAULT 'draft'
                         CHECK (status IN ('draft', 'scheduled', 'sending', 'paused', 'completed', 'cancelled')),
    scheduled_at         TEXT,
    created_by           TEXT NOT NULL DEFAULT '',
    created_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    version              INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX campaigns_status_idx ON campaigns (status);

CREATE TABLE sends (
    id              INTEGER PRIMARY KEY,
    campaign_id     INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    nonprofit_id    INTEGER REFERENCES nonprofits (id) ON DELETE SET NULL,
    email           TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'suppressed', 'unknown', 'cancelled')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    lease_owner     TEXT,
    lease_until     TEXT,
    provider        TEXT,
    message_id      TEXT UNIQUE,
    smtp_code       INTEGER,
    error           TEXT,
    queued_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    sent_at         TEXT,
    latency_ms      INTEGER,
    UNIQUE (campaign_id, nonprofit_id)
);
CREATE INDEX sends_campaign_status_idx ON sends (campaign_id, status);
CREATE INDEX sends_due_idx ON sends (next_attempt_at) WHERE status = 'pending';
CREATE INDEX sends_lease_idx ON sends (lease_until) WHERE status = 'sending';
CREATE INDEX sends_nonprofit_idx ON sends (nonprofit_id);

CREATE TABLE providers (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    kind        TEXT NOT NULL CHECK (kind IN ('smtp', 'http')),
    host        TEXT NOT NULL DEFAULT '',
    port        INTEGER NOT NULL DEFAULT 587 CHECK (port BETWEEN 1 AND 65535),
    tls         TEXT NOT NULL DEFAULT 'starttls'
                CHECK (tls IN ('implicit', 'starttls', 'starttls_optional', 'none')),
    username    TEXT NOT NULL DEFAULT '',
    secret_ref  TEXT NOT NULL DEFAULT '',
    rate_per_s  REAL NOT NULL DEFAULT 10 CHECK (rate_per_s > 0),
    burst       INTEGER NOT NULL DEFAULT 20 CHECK (burst > 0),
    connections INTEGER NOT NULL DEFAULT 4 CHECK (connections > 0),
    priority    INTEGER NOT NULL DEFAULT 100,
    enabled     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    actor     TEXT NOT NULL DEFAULT '',
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL DEFAULT '',
    detail    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);
CREATE INDEX audit_log_at_idx ON audit_log (at);
