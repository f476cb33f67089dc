-- Herald schema 11 (PostgreSQL): the hot statements of sending read only the rows they change, whatever the
-- planner's statistics say.
-- Due rows by campaign, in the order they are due: a claim walks this index for each sending campaign and
-- stops at its limit. With sends_due_idx on (next_attempt_at) alone, a planner whose statistics predate the
-- campaign's queueing (the common case: a campaign starts right after its rows are inserted) read every pending
-- row of the campaign through sends_campaign_status_idx and sorted them at each claim (50,000 rows: 41 ms per
-- 500-row claim, growing with the queue).
DROP INDEX sends_due_idx;
CREATE INDEX sends_due_idx ON sends (campaign_id, next_attempt_at) WHERE status = 'pending';

-- No index of leased rows. Its entries outlived the leases (bitmap scans never mark entries dead), and the
-- planner, believing it small, answered the hand-over marks and result writes through it: a scan of every row
-- ever leased since the last vacuum for each batch of 25 (24 ms per mark after 50,000 messages). Lease
-- recovery and the in-flight count reach leased rows through sends_campaign_status_idx, campaign by campaign,
-- and each claim now adds one index entry fewer.
DROP INDEX sends_lease_idx;
