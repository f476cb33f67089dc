-- Herald schema 26 (PostgreSQL): a group role for `herald serve`, the public endpoint (open pixels, tracked links,
-- web views, one-click unsubscribe, media library images), which faces the internet and so gets only what it needs:
--   reads   campaigns, sends, campaign_links, templates (web views), nonprofits, suppressions, media, app_settings,
--           and the dashboard's figures for /metrics (providers without their secret reference)
--   writes  opens and clicks (engagement_events and its roll-ups, the roll-up lease, spool bookkeeping), an
--           unsubscribe (suppressions: add; nonprofits: the status column), the audit log (append), the link secret
--           on first use (app_settings: add)
-- and nothing else: no provider secret references, no DKIM keys, no DDL, no campaign or content change, no erase.
-- A serve login: CREATE ROLE web1 LOGIN PASSWORD '…' IN ROLE herald_serve. The public address (--public-url) is an
-- administrator's setting; a serve login leaves it as an administrator set it.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'herald_serve') THEN
        BEGIN
            CREATE ROLE herald_serve NOLOGIN;
        EXCEPTION
            WHEN duplicate_object OR unique_violation THEN
                NULL; -- another database's migration created it meanwhile
            WHEN insufficient_privilege THEN
                RAISE EXCEPTION 'Role herald_serve is missing and % may not create roles. Ask a superuser to run '
                                'migrations/README.md''s CREATE ROLE statements once for this server, or to give '
                                '% CREATEROLE.', current_user, current_user
                    USING ERRCODE = 'insufficient_privilege';
        END;
    END IF;
END
$$;

DO $$
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO herald_serve', current_schema());
END
$$;
-- A serve login is a team member like the others (schema 25: `herald team add web1 --role serve`, last seen).
GRANT EXECUTE ON FUNCTION herald_team_seen() TO herald_serve;

GRANT SELECT ON campaigns, sends, campaign_links, templates, nonprofits, suppressions, media, app_settings,
    schema_migrations TO herald_serve;
GRANT SELECT, INSERT, UPDATE, DELETE ON engagement_events, campaign_engagement, link_engagement, engagement_hourly,
    send_engagement, send_link_engagement, engagement_roller, engagement_spool_segments TO herald_serve;
GRANT INSERT ON suppressions, audit_log, app_settings TO herald_serve;
GRANT SELECT (id, at, actor) ON audit_log TO herald_serve; -- what an insert returns (AuditLogRepository::record)
GRANT UPDATE (status, updated_at, version) ON nonprofits TO herald_serve; -- an unsubscribe marks its nonprofit

-- Campaigns have row-level security (schema 23): serve reads them all, changes none.
CREATE POLICY campaigns_serve_read ON campaigns FOR SELECT TO herald_serve USING (true);

-- `herald intake` (the feedback mailbox: bounces, complaints, unsubscribe mail) runs on a worker machine as a
-- herald_worker login: besides what sending gave it (suppressions: add; nonprofits' status; the audit log), it records
-- the reports and pauses a sending campaign whose complaint rate passes the threshold.
GRANT INSERT ON feedback_reports TO herald_worker;
GRANT SELECT (id, report_key, kind, campaign_id, send_id) ON feedback_reports TO herald_worker;
DROP POLICY campaigns_worker_update ON campaigns;
CREATE POLICY campaigns_worker_update ON campaigns FOR UPDATE TO herald_worker
    USING (status IN ('scheduled', 'sending')) WITH CHECK (status IN ('sending', 'completed', 'draft', 'paused'));

-- /metrics of herald serve: the dashboard's figures (DashboardReader), never a secret; it counts the queue when no
-- process has lately (QueueSampler), as every process that watches does.
GRANT SELECT ON send_metrics, send_metrics_5min, failure_reasons, failure_reasons_5min, queue_samples, provider_status,
    alerts, campaign_send_counts TO herald_serve;
GRANT INSERT, DELETE ON queue_samples TO herald_serve;
GRANT SELECT (id, name, kind, host, port, tls, username, rate_per_s, burst, connections, priority, enabled,
    created_at, updated_at, verify_certificate, dkim_sign) ON providers TO herald_serve;
