-- Herald schema 12 (PostgreSQL).
-- A lease's fencing token of its own. The attempt count was the token, so a claimed row given back unsent (a
-- pause, a campaign the dispatcher had not yet seen start, a lease that ran out before the hand-over) kept an
-- attempt it never made: every row of a campaign a worker started itself showed two attempts for one delivery,
-- which doubled its first retry delay and used up an attempt. Every claim raises lease_token; attempts now count
-- only the claims that were handed over, and a row given back unsent takes its attempt back. (A token must never
-- repeat, or a stalled sender's late write would match a newer lease: hence a second column, not a decrement.)
ALTER TABLE sends ADD COLUMN lease_token integer NOT NULL DEFAULT 0;
UPDATE sends SET lease_token = attempts WHERE status = 'sending'; -- leases held across the upgrade stay fenced

-- The shared rate limit as a schedule (GCRA: each provider's theoretical arrival time), instead of a budget per
-- calendar second. Per-second budgets held each second to the limit, but the end of one second and the start of the
-- next together went over it (3 workers at 200/s: 210-230 messages in the worst sliding second). A schedule bounds
-- every window, whatever its start: at most rate x length + burst.
DROP TABLE rate_budget;
CREATE TABLE rate_schedule (
    provider text PRIMARY KEY,
    tat double precision NOT NULL, -- epoch seconds (database clock) at which the provider's schedule is free again
    granted integer NOT NULL DEFAULT 0 -- of the last draw
);

-- Takes up to p_wanted sends of the provider's schedule: the rate is p_limit (or a lower shared slow-down rate), and
-- up to p_burst sends may go at once after a quiet spell. Each granted send takes 1/rate seconds of the schedule;
-- a send conforms while the schedule is at most (burst - 1)/rate seconds ahead of now. Returns how many were
-- granted and, when none, how long until one will be, and the database's clock when it was decided. The row lock orders concurrent draws; the clock is read
-- once it is held, so a draw that waited for the lock is judged at the time it is decided.
CREATE FUNCTION rate_schedule_draw(p_provider text, p_wanted integer, p_limit double precision, p_burst integer,
                                   OUT granted integer, OUT wait_ms integer, OUT decided_at double precision)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    t double precision;
    r double precision;
    start double precision;
    burst integer := GREATEST(1, p_burst);
BEGIN
    INSERT INTO rate_schedule (provider, tat) VALUES (p_provider, 0) ON CONFLICT (provider) DO NOTHING;
    SELECT s.tat INTO start FROM rate_schedule s WHERE s.provider = p_provider FOR UPDATE;
    t := extract(epoch FROM clock_timestamp());
    decided_at := t;
    SELECT LEAST(p_limit, COALESCE(min(d.rate_per_s), p_limit)) INTO r
        FROM rate_slowdown d WHERE d.provider = p_provider AND d.until_epoch > t;
    r := GREATEST(r, 0.1);
    start := GREATEST(start, t);
    granted := LEAST(p_wanted, GREATEST(0, floor((t - start) * r + burst + 1e-9)))::integer;
    IF granted > 0 THEN
        UPDATE rate_schedule s SET tat = start + rate_schedule_draw.granted / r, granted = rate_schedule_draw.granted
            WHERE s.provider = p_provider;
        wait_ms := 0;
    ELSE
        wait_ms := GREATEST(1, ceil((start - t - (burst - 1) / r) * 1000))::integer;
    END IF;
END
$$;
