-- Herald schema 5 (SQLite): provider message ids, failure times, the shared rate budget's grant and
-- slow-downs, and the time-bucketed send metrics the dashboards read.

-- The provider's own id for an accepted message (the SMTP queue id in the 250 reply, SendGrid's
-- X-Message-Id), to match bounces and support tickets to a send.
ALTER TABLE sends ADD COLUMN provider_message_id TEXT;
-- When a row failed for good: failure reasons over a time range read this through the partial index.
ALTER TABLE sends ADD COLUMN failed_at TEXT;
CREATE INDEX sends_failed_at_idx ON sends (failed_at) WHERE status = 'failed';
-- Queue depth: messages waiting for another attempt.
CREATE INDEX sends_retrying_idx ON sends (next_attempt_at) WHERE status = 'pending' AND attempts > 0;

-- What the last draw from this second's budget was granted: the update computes it from the old
-- `used`, so one statement both takes and reports its share.
ALTER TABLE rate_budget ADD COLUMN granted INTEGER NOT NULL DEFAULT 0;

-- A provider asked to slow down ("421 4.7.0", HTTP 429): every process sharing the database keeps
-- to this rate until `until` (epoch seconds).
CREATE TABLE rate_slowdown (
    provider      TEXT PRIMARY KEY,
    rate_per_s    REAL NOT NULL,
    until_epoch   INTEGER NOT NULL
) WITHOUT ROWID;

-- Outcomes per 10-second bucket and provider, added to by every engine's result flush. Latency
-- histogram with fixed upper bounds in ms: 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, +inf.
CREATE TABLE send_metrics (
    bucket_start   INTEGER NOT NULL, -- epoch seconds, a multiple of 10
    provider       TEXT NOT NULL,
    sent           INTEGER NOT NULL DEFAULT 0,
    failed         INTEGER NOT NULL DEFAULT 0,
    retried        INTEGER NOT NULL DEFAULT 0,
    unknown        INTEGER NOT NULL DEFAULT 0,
    latency_sum_ms INTEGER NOT NULL DEFAULT 0,
    le_10 INTEGER NOT NULL DEFAULT 0,
    le_25 INTEGER NOT NULL DEFAULT 0,
    le_50 INTEGER NOT NULL DEFAULT 0,
    le_100 INTEGER NOT NULL DEFAULT 0,
    le_250 INTEGER NOT NULL DEFAULT 0,
    le_500 INTEGER NOT NULL DEFAULT 0,
    le_1000 INTEGER NOT NULL DEFAULT 0,
    le_2500 INTEGER NOT NULL DEFAULT 0,
    le_5000 INTEGER NOT NULL DEFAULT 0,
    le_10000 INTEGER NOT NULL DEFAULT 0,
    le_inf INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (bucket_start, provider)
) WITHOUT ROWID;
