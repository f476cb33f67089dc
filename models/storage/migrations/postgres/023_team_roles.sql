-- Herald schema 23 (PostgreSQL): a team on one server (issue 18). The database itself refuses what a person's role
-- does not allow; checks in the client would protect nothing, since every desktop talks to the database directly.
--
-- Group roles (NOLOGIN); each person logs in as a role of their own that is a member of one of them:
--   herald_viewer  reads nonprofits, templates, campaigns, reports, dashboards; never providers.secret_ref nor dkim_keys
--   herald_editor  + writes nonprofits, tags, segments, templates (+ versions), sender identities, campaign drafts
--                  (row-level security: only rows whose status is and stays 'draft'), attachments, media; imports;
--                  adds suppressions (INSERT only)
--   herald_sender  + herald_worker (a sender's own Herald sends what it queues) + queues, schedules, pauses, resumes
--                  and cancels campaigns (any status), inserts sends, stores a campaign's tracked links
--   herald_admin   + everything on every table (providers, sender domains and DKIM keys, removing suppressions, GDPR
--                  erase, settings), except rewriting the audit log, which nobody may (see below)
--   herald_worker  what `herald worker` needs to start due campaigns, claim and record sends and write metrics, and
--                  nothing else: no DDL, no deletes but its own housekeeping rows, nonprofits' status column only
-- Memberships inherit: admin ⊃ sender ⊃ editor ⊃ viewer, and sender ⊃ worker.
--
-- Secrets. The database holds no provider password or API key and no DKIM private key (schemas 1 and 8): they live in
-- the keychain of each machine that sends, or, for a headless `herald worker`, in its environment
-- (HERALD_PROVIDER_SECRET_<NAME>, HERALD_DKIM_KEY_<DOMAIN>: the PEM text or a file's path). So a worker gets its DKIM
-- keys from the machine it runs on, never from the database; the database gives it the selector and the public half
-- (dkim_keys) to check the private key against. What the database does hold is hidden from viewers and editors by
-- privileges: providers.secret_ref (the keychain entry's name; a column privilege, so they still list providers) and
-- dkim_keys (no privilege at all). Senders and workers read both, as sending and test sends need them.
--
-- Roles are cluster-wide, grants are per database: every Herald database of a cluster (a test cluster holds many)
-- shares these five group roles, and each database's own migration 023 grants them its tables. Roles are created only
-- when missing, by a role with CREATEROLE (the owner, or a superuser beforehand: see migrations/README.md).
--
-- Later migrations: each one grants what it creates (no ALTER DEFAULT PRIVILEGES: a new table that nobody has decided
-- about stays readable by its owner only, instead of readable by every viewer because of a default). At least
-- herald_admin gets every new table; TestDatabaseRoles fails while some table has no grant to herald_admin.
--
-- The audit log: its actor is session_user, whatever the client sends (a BEFORE INSERT trigger), and it is
-- append-only: nobody is granted UPDATE, DELETE or TRUNCATE, and a trigger refuses them even to the owner, except inside
-- herald_prune_audit() (retention) and herald_redact_audit() (GDPR erasure of an address in the details), both
-- SECURITY DEFINER, executable by herald_admin only.

DO $$
DECLARE
    group_role text;
BEGIN
    FOREACH group_role IN ARRAY ARRAY['herald_viewer', 'herald_editor', 'herald_sender', 'herald_admin', 'herald_worker']
    LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = group_role) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', group_role);
            EXCEPTION
                WHEN duplicate_object OR unique_violation THEN
                    NULL; -- another database's migration created it meanwhile
                WHEN insufficient_privilege THEN
                    RAISE EXCEPTION 'Role % is missing and % may not create roles. Ask a superuser to run '
                                    'migrations/README.md''s CREATE ROLE statements once for this server, or to give '
                                    '% CREATEROLE.', group_role, current_user, current_user
                        USING ERRCODE = 'insufficient_privilege';
            END;
        END IF;
    END LOOP;
END
$$;

DO $$
DECLARE
    membership text[];
BEGIN
    FOREACH membership SLICE 1 IN ARRAY ARRAY[['herald_viewer', 'herald_editor'], ['herald_editor', 'herald_sender'],
                                              ['herald_worker', 'herald_sender'], ['herald_sender', 'herald_admin']]
    LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_auth_members m
                       WHERE m.roleid = to_regrole(membership[1]) AND m.member = to_regrole(membership[2])) THEN
            BEGIN
                EXECUTE format('GRANT %I TO %I', membership[1], membership[2]);
            EXCEPTION WHEN unique_violation THEN
                NULL; -- granted meanwhile by another database's migration
            END;
        END IF;
    END LOOP;
END
$$;

-- The schema: usable by every group role, creatable in by its owner only (PostgreSQL 15 no longer lets PUBLIC create
-- in schema public; a database made before that still may, so it is said again here when this role may say it).
DO $$
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO herald_viewer, herald_worker', current_schema());
    EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM PUBLIC', current_schema());
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'schema % is not ours to change: check that PUBLIC may not create in it', current_schema();
END
$$;

-- viewer: reads.
GRANT SELECT ON nonprofits, nonprofit_tags, suppressions, templates, template_versions, campaigns, sends,
    sender_identities, segments, audit_log, app_settings, schema_migrations, send_metrics, send_metrics_5min,
    failure_reasons, failure_reasons_5min, queue_samples, provider_status, alerts, rate_slowdown, rate_schedule,
    feedback_reports, sample_rows, campaign_links, campaign_engagement, link_engagement, engagement_hourly,
    send_engagement, send_link_engagement, campaign_send_counts, campaign_attachments, media TO herald_viewer;
GRANT SELECT (id, name, kind, host, port, tls, username, rate_per_s, burst, connections, priority, enabled,
    created_at, updated_at, verify_certificate, dkim_sign) ON providers TO herald_viewer;
-- Every Herald window showing the dashboard raises and clears alerts from the figures (AlertMonitor).
GRANT INSERT, UPDATE ON alerts TO herald_viewer;

-- editor: the content. Campaigns are limited to drafts by the policies below.
GRANT INSERT, UPDATE, DELETE ON nonprofits, nonprofit_tags, segments, templates, template_versions, sender_identities,
    campaigns, campaign_attachments, media, sample_rows TO herald_editor;
GRANT INSERT ON suppressions, audit_log TO herald_editor;

-- worker: the send engine (SendQueue, SendEngine's housekeeping, CampaignLauncher::startDueCampaigns, the metrics
-- writers, SharedRateBudget). Campaigns: status changes only, by the policy below.
GRANT SELECT ON campaigns, sends, nonprofits, nonprofit_tags, suppressions, segments, templates, sender_identities,
    providers, dkim_keys, app_settings, campaign_attachments, campaign_links, rate_schedule, rate_slowdown,
    schema_migrations, campaign_send_counts, send_metrics, send_metrics_5min, failure_reasons, failure_reasons_5min,
    queue_samples, provider_status, alerts TO herald_worker;
GRANT INSERT, UPDATE ON sends, rate_schedule, rate_slowdown, send_metrics, send_metrics_5min, failure_reasons,
    failure_reasons_5min, provider_status, alerts TO herald_worker;
GRANT UPDATE (status, updated_at, version) ON campaigns TO herald_worker;
GRANT UPDATE (status, updated_at, version) ON nonprofits TO herald_worker; -- a hard bounce marks its nonprofit
GRANT INSERT ON suppressions, audit_log, app_settings TO herald_worker; -- app_settings: the link secret on first use
GRANT SELECT (id, at, actor) ON audit_log TO herald_worker; -- what an insert returns (AuditLogRepository::record)
GRANT INSERT, DELETE ON queue_samples, campaign_send_counts TO herald_worker; -- sampling, pruning, folding counts
GRANT DELETE ON provider_status TO herald_worker;

-- sender: queueing and the campaign's state (the rest of sending through herald_worker).
GRANT INSERT, DELETE ON campaign_links TO herald_sender;

-- admin: every table, every change; then the audit log back to append-only.
DO $$
BEGIN
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO herald_admin', current_schema());
END
$$;
REVOKE UPDATE, DELETE ON audit_log FROM herald_admin;

-- Campaigns: what each role may do to a row depends on its status.
ALTER TABLE campaigns ENABLE ROW LEVEL SECURITY;
CREATE POLICY campaigns_read ON campaigns FOR SELECT TO herald_viewer, herald_worker USING (true);
CREATE POLICY campaigns_draft_insert ON campaigns FOR INSERT TO herald_editor WITH CHECK (status = 'draft');
CREATE POLICY campaigns_draft_update ON campaigns FOR UPDATE TO herald_editor
    USING (status = 'draft') WITH CHECK (status = 'draft');
CREATE POLICY campaigns_draft_delete ON campaigns FOR DELETE TO herald_editor USING (status = 'draft');
CREATE POLICY campaigns_sender_update ON campaigns FOR UPDATE TO herald_sender USING (true) WITH CHECK (true);
-- A worker starts due scheduled campaigns, completes finished ones and returns refused ones to draft.
CREATE POLICY campaigns_worker_update ON campaigns FOR UPDATE TO herald_worker
    USING (status IN ('scheduled', 'sending')) WITH CHECK (status IN ('sending', 'completed', 'draft'));
CREATE POLICY campaigns_admin ON campaigns FOR ALL TO herald_admin USING (true) WITH CHECK (true);

-- The audit log's actor is the login, never what the client says.
ALTER TABLE audit_log ALTER COLUMN actor SET DEFAULT CAST(session_user AS text);

CREATE FUNCTION audit_log_actor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.actor := session_user;
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_log_actor BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_actor();

-- Append-only, even for the owner: only the owner's maintenance functions below pass, by a flag they set for their own
-- statement. Anyone may set a custom setting, so the flag counts only when the current role is the table's owner (as
-- inside those SECURITY DEFINER functions); the owner could as well drop this trigger, which the server logs as DDL.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('herald.audit_maintenance', true) = 'on'
       AND current_user = (SELECT pg_get_userbyid(c.relowner) FROM pg_class c WHERE c.oid = TG_RELID) THEN
        IF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'The audit log is append-only: % of audit_log is refused (retention: herald_prune_audit)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Retention: deletes the lines older than `older_than` (at least a day) and records that it did, as the caller.
CREATE FUNCTION herald_prune_audit(older_than interval) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    pruned bigint;
BEGIN
    IF older_than IS NULL OR older_than < interval '1 day' THEN
        RAISE EXCEPTION 'herald_prune_audit keeps at least a day of the audit log (asked: %)', older_than
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM set_config('herald.audit_maintenance', 'on', true);
    DELETE FROM audit_log WHERE at < now() - older_than;
    GET DIAGNOSTICS pruned = ROW_COUNT;
    PERFORM set_config('herald.audit_maintenance', 'off', true);
    INSERT INTO audit_log (action, entity, detail)
        VALUES ('prune', 'audit_log', format('%s lines older than %s deleted', pruned, older_than));
    RETURN pruned;
END
$$;

-- GDPR erasure: an erased address in the details of one entity's lines becomes its hash; nothing else changes.
CREATE FUNCTION herald_redact_audit(p_entity text, p_entity_id text, p_text text, p_replacement text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    redacted bigint;
BEGIN
    PERFORM set_config('herald.audit_maintenance', 'on', true);
    UPDATE audit_log SET detail = replace(detail, p_text, p_replacement)
        WHERE entity = p_entity AND entity_id = p_entity_id AND strpos(detail, p_text) > 0;
    GET DIAGNOSTICS redacted = ROW_COUNT;
    PERFORM set_config('herald.audit_maintenance', 'off', true);
    RETURN redacted;
END
$$;

REVOKE EXECUTE ON FUNCTION herald_prune_audit(interval), herald_redact_audit(text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION herald_prune_audit(interval), herald_redact_audit(text, text, text, text) TO herald_admin;
