-- Herald schema 12 (SQLite): a lease's fencing token of its own (see the PostgreSQL migration: attempts now count
-- only claims that were handed over), and the shared rate schedule that replaces the per-second budget. An SQLite
-- database has one sending process, which keeps to the limit locally: the table is there to keep both schemas alike.
ALTER TABLE sends ADD COLUMN lease_token INTEGER NOT NULL DEFAULT 0;
UPDATE sends SET lease_token = attempts WHERE status = 'sending';
DROP TABLE rate_budget;
CREATE TABLE rate_schedule (
    provider TEXT PRIMARY KEY,
    tat REAL NOT NULL,
    granted INTEGER NOT NULL DEFAULT 0
);
