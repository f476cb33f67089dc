-- Herald schema 7 (SQLite): what the dashboards read instead of scanning sends, so they stay fast
-- with millions of send rows: 5-minute roll-ups of the send metrics, failure reasons as counters, the
-- queue depth sampled every few seconds, each sending process's provider state, and the alerts raised.

-- The same counts as send_metrics in 5-minute buckets (written in the same flush), for the 24 h and 7 d ranges.
CREATE TABLE send_metrics_5min (
    bucket_start   INTEGER NOT NULL, -- epoch seconds, a multiple of 300
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

-- Final failures per bucket and reason (the reply code and enhanced code, "550 5.1.1", or the start of
-- the error), with one full error as an example; 10-second and 5-minute buckets like the send metrics.
CREATE TABLE failure_reasons (
    bucket_start INTEGER NOT NULL, -- epoch seconds, a multiple of 10
    reason       TEXT NOT NULL,
    failures     INTEGER NOT NULL DEFAULT 0,
    example      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (bucket_start, reason)
) WITHOUT ROWID;
CREATE TABLE failure_reasons_5min (
    bucket_start INTEGER NOT NULL, -- epoch seconds, a multiple of 300
    reason       TEXT NOT NULL,
    failures     INTEGER NOT NULL DEFAULT 0,
    example      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (bucket_start, reason)
) WITHOUT ROWID;

-- The queue as it stood, at most one sample per 10-second slot whichever process took it.
CREATE TABLE queue_samples (
    sampled_at INTEGER PRIMARY KEY, -- epoch seconds, a multiple of the slot
    pending    INTEGER NOT NULL,
    retrying   INTEGER NOT NULL,
    in_flight  INTEGER NOT NULL
);

-- Each sending process's view of each provider, refreshed every few seconds while it sends.
CREATE TABLE provider_status (
    owner         TEXT NOT NULL, -- the engine's lease owner (host:pid:random)
    provider      TEXT NOT NULL,
    breaker       TEXT NOT NULL, -- closed, open, half-open
    allowed_per_s REAL NOT NULL, -- the rate kept to now (lower after a "slow down" reply)
    limit_per_s   REAL NOT NULL,
    last_error    TEXT NOT NULL DEFAULT '',
    last_error_at INTEGER,
    updated_at    INTEGER NOT NULL,
    PRIMARY KEY (owner, provider)
) WITHOUT ROWID;

-- Alerts raised from the dashboard figures; an open one has no cleared_at, and there is at most one open
-- alert per kind and subject however many instances evaluate.
CREATE TABLE alerts (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL, -- failure_rate, queue_stalled, circuit_open
    subject    TEXT NOT NULL DEFAULT '', -- the provider of a circuit alert
    detail     TEXT NOT NULL DEFAULT '',
    raised_at  INTEGER NOT NULL,
    cleared_at INTEGER
);
CREATE UNIQUE INDEX alerts_open_idx ON alerts (kind, subject) WHERE cleared_at IS NULL;
CREATE INDEX alerts_raised_at_idx ON alerts (raised_at);
