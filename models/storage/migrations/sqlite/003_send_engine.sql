-- Herald schema 3 (SQLite): what the send engine needs beyond the queue table.

ALTER TABLE sends ADD COLUMN handed_at TEXT;

ALTER TABLE campaigns ADD COLUMN unknown_policy TEXT NOT NULL DEFAULT 'ask'
    CHECK (unknown_policy IN ('ask', 'resend', 'mark_sent'));

CREATE TABLE rate_budget (
    provider TEXT NOT NULL,
    second   INTEGER NOT NULL,
    used     INTEGER NOT NULL,
    PRIMARY KEY (provider, second)
) WITHOUT ROWID;
