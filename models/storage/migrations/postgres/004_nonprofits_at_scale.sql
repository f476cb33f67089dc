-- Herald schema 4 (PostgreSQL): the nonprofits table at a million rows.

-- Keyset pages in every sort order the table offers walk an index on (sort key, id); name, city and
-- updated have theirs since schema 1. Sort keys are the expressions NonprofitRepository orders by.
CREATE INDEX nonprofits_email_sort_idx ON nonprofits (lower(email), id);
CREATE INDEX nonprofits_ein_sort_idx ON nonprofits (COALESCE(ein, ''), id);
CREATE INDEX nonprofits_region_idx ON nonprofits (region, id);
CREATE INDEX nonprofits_country_idx ON nonprofits (country, id);
CREATE INDEX nonprofits_status_idx ON nonprofits (status, id);

-- The search box also looks in the EIN and the city. With pg_trgm (schema 1 installs it when it can) each
-- searched column has a trigram index, so ILIKE '%text%' is a bitmap scan. Without pg_trgm the same queries
-- scan the table: correct, and on a million rows about a second instead of milliseconds; install the
-- postgresql-contrib package and run CREATE EXTENSION pg_trgm as a superuser, then these indexes are made
-- by hand with the statements below.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX nonprofits_ein_trgm_idx ON nonprofits USING gin (ein gin_trgm_ops)';
        EXECUTE 'CREATE INDEX nonprofits_city_trgm_idx ON nonprofits USING gin (city gin_trgm_ops)';
    ELSE
        RAISE NOTICE 'pg_trgm is not available: searching EIN and city will scan';
    END IF;
END
$$;

-- The suppression list newest first, a page at a time (SuppressionRepository::page).
CREATE INDEX suppressions_created_idx ON suppressions (created_at DESC, email);
