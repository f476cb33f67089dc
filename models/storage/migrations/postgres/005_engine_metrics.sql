-- Herald schema 5 (PostgreSQL): provider message ids, failure times, the shared rate budget's grant and
-- slow-downs, and the time-bucketed send metrics the dashboards read.

-- The provider's own id for an accepted message (the SMTP queue id in the 250 reply, SendGrid's
-- X-Message-Id), to match bounces and support tickets to a send.
ALTER TABLE sends ADD COLUMN provider_message_id text;
-- When a row failed for good: failure reasons over a time range read this through the partial index.
ALTER TABLE sends ADD COLUMN failed_at timestamptz(3);
CREATE INDEX sends_failed_at_idx ON sends (failed_at) WHERE status = 'failed';
-- Queue depth: messages waiting for another attempt.
CREATE INDEX sends_retrying_idx ON sends (next_attempt_at) WHERE status = 'pending' AND attempts > 0;

-- What the last draw from this second's budget was granted: the update computes it from the old
-- `used`, so one statement both takes and reports its share.
ALTER TABLE rate_budget ADD COLUMN granted integer NOT NULL DEFAULT 0;

-- A provider asked to slow down ("421 4.7.0", HTTP 429): every process sharing the database keeps
-- to this rate until `until` (epoch seconds).
CREATE TABLE rate_slowdown (
    provider      text PRIMARY KEY,
    rate_per_s    double precision NOT NULL,
    until_epoch   bigint NOT NULL
);

-- Outcomes per 10-second bucket and provider, added to by every engine's result flush. Latency
-- histogram with fixed upper bounds in ms: 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, +inf.
CREATE TABLE send_metrics (
    bucket_start   bigint NOT NULL, -- epoch seconds, a multiple of 10
    provider       text NOT NULL,
    sent           integer NOT NULL DEFAULT 0,
    failed         integer NOT NULL DEFAULT 0,
    retried        integer NOT NULL DEFAULT 0,
    unknown        integer NOT NULL DEFAULT 0,
    latency_sum_ms bigint NOT NULL DEFAULT 0,
    le_10 integer NOT NULL DEFAULT 0,
    le_25 integer NOT NULL DEFAULT 0,
    le_50 integer NOT NULL DEFAULT 0,
    le_100 integer NOT NULL DEFAULT 0,
    le_250 integer NOT NULL DEFAULT 0,
    le_500 integer NOT NULL DEFAULT 0,
    le_1000 integer NOT NULL DEFAULT 0,
    le_2500 integer NOT NULL DEFAULT 0,
    le_5000 integer NOT NULL DEFAULT 0,
    le_10000 integer NOT NULL DEFAULT 0,
    le_inf integer NOT NULL DEFAULT 0,
    PRIMARY KEY (bucket_start, provider)
);
