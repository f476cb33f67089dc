-- Herald schema 3 (PostgreSQL): what the send engine needs beyond the queue table.

-- Set when a sender starts handing the message to a provider. A lease that expires with it set
-- means the outcome is unknown (the message may have gone out); without it the row simply returns
-- to pending.
ALTER TABLE sends ADD COLUMN handed_at timestamptz(3);

-- What to do with messages whose outcome a crash made unknown: ask the user, send them again,
-- or count them as sent.
ALTER TABLE campaigns ADD COLUMN unknown_policy text NOT NULL DEFAULT 'ask'
    CHECK (unknown_policy IN ('ask', 'resend', 'mark_sent'));

-- Per-provider send budget per second, shared by every process that sends through this database.
CREATE TABLE rate_budget (
    provider text NOT NULL,
    second   bigint NOT NULL,
    used     integer NOT NULL,
    PRIMARY KEY (provider, second)
);
