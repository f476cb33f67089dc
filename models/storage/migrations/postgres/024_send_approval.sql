-- Herald schema 24 (PostgreSQL): approval of large sends (issue 18), enforced by the database, so that a sender's own
-- psql cannot go around it.
--
-- The setting: approval_settings.threshold (one row; NULL = off, the default). While it is set, a campaign to more
-- than `threshold` recipients leaves drafts (queued: 'sending', or 'scheduled') only once somebody other than its
-- author who may send (a member of herald_sender, which includes herald_admin, or the schema's owner) has approved it
-- with herald_approve_campaign(id). Only herald_admin (and the owner) may change the setting; changes are audited.
--
-- The author: campaigns.created_by is the login that inserted the row (session_user, whatever the client sends), and
-- only an administrator may change it afterwards: a sender cannot pose as somebody else's campaign to approve it.
--
-- Which count. The database counts what it can see, never what a client says:
--   * queueing now (draft -> sending): the campaign's sends that are not 'suppressed' when the status changes. Herald
--     inserts the sends first and changes the status in the same transaction (CampaignLauncher::sendNow), so this is
--     exactly who would be mailed.
--   * scheduling (draft -> scheduled): no sends exist yet, and a segment's rules are evaluated by Herald, not in SQL,
--     so the database takes the largest audience any campaign could have: every active nonprofit whose address is not
--     suppressed. A small list never needs approval; on a large one every scheduled campaign does, even for a small
--     segment (queue it now instead, or have it approved).
--   * sends inserted for a campaign that is no longer a draft (a scheduled campaign starting, or psql adding rows to a
--     sending one): the campaign's sends, counted after the insert. A scheduled campaign whose approval was withdrawn
--     meanwhile is refused at its start by Herald (CampaignLauncher::startDue asks herald_approval_author first) and
--     goes back to drafts with the reason, instead of failing the worker's transaction over and over.
-- The approval itself records the count the approver's Herald showed (AudienceCounter); it is what was approved, for
-- the record, not a limit.
--
-- An approval covers the campaign's template (its id and version), audience (segment_id and audience) and sender
-- identity. Changing any of them, or editing the template (a new version), withdraws it (triggers below, audited).
-- Approving and withdrawing are recorded in audit_log with the login as actor. Pausing, resuming and cancelling are
-- unaffected: a campaign that was queued before the threshold was set goes on.

CREATE TABLE approval_settings (
    id        boolean PRIMARY KEY DEFAULT true CHECK (id),
    threshold integer CHECK (threshold IS NULL OR threshold >= 0)
);
INSERT INTO approval_settings (id, threshold) VALUES (true, NULL);

CREATE TABLE campaign_approvals (
    campaign_id        bigint PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
    approved_by        text NOT NULL,
    approved_at        timestamptz(3) NOT NULL DEFAULT now(),
    template_id        bigint,
    template_version   integer,
    segment_id         bigint,
    audience           text NOT NULL,
    sender_identity_id bigint,
    audience_count     bigint
);

-- Everybody reads both; nobody writes approvals but herald_approve_campaign() and the withdrawal triggers (owner's
-- functions), not even an administrator, who may instead turn the threshold off (audited).
GRANT SELECT ON approval_settings, campaign_approvals TO herald_viewer, herald_worker, herald_admin;
GRANT UPDATE (threshold) ON approval_settings TO herald_admin;

-- Who may approve: a sender (admins are senders), the schema's owner, a superuser (pg_has_role says so for them).
CREATE FUNCTION herald_may_approve(login name) RETURNS boolean LANGUAGE sql STABLE SET search_path FROM CURRENT AS $$
    SELECT pg_has_role(login, 'herald_sender', 'MEMBER')
        OR pg_has_role(login, (SELECT c.relowner FROM pg_class c WHERE c.oid = 'campaigns'::regclass), 'MEMBER')
$$;

CREATE FUNCTION herald_is_admin(login name) RETURNS boolean LANGUAGE sql STABLE SET search_path FROM CURRENT AS $$
    SELECT pg_has_role(login, 'herald_admin', 'MEMBER')
        OR pg_has_role(login, (SELECT c.relowner FROM pg_class c WHERE c.oid = 'campaigns'::regclass), 'MEMBER')
$$;

-- The author whose campaign of `recipients` recipients still needs somebody else's approval; NULL when it may leave
-- drafts (threshold off, small enough, or approved for what it is now). Herald asks it before queueing for a sentence
-- in the user's language; the triggers below ask it to refuse.
CREATE FUNCTION herald_approval_author(p_campaign bigint, recipients bigint) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    limit_ integer := (SELECT threshold FROM approval_settings);
    c campaigns%ROWTYPE;
BEGIN
    IF limit_ IS NULL OR recipients <= limit_ THEN
        RETURN NULL;
    END IF;
    SELECT * INTO c FROM campaigns WHERE id = p_campaign;
    IF EXISTS (SELECT 1 FROM campaign_approvals a WHERE a.campaign_id = p_campaign
               AND a.template_id IS NOT DISTINCT FROM c.template_id AND a.segment_id IS NOT DISTINCT FROM c.segment_id
               AND a.audience = c.audience AND a.sender_identity_id IS NOT DISTINCT FROM c.sender_identity_id) THEN
        RETURN NULL;
    END IF;
    RETURN coalesce(c.created_by, '');
END
$$;

-- The largest audience a campaign could have now (see "Which count" above).
CREATE FUNCTION herald_largest_audience() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT count(*) FROM nonprofits n WHERE n.status = 'active'
        AND NOT EXISTS (SELECT 1 FROM suppressions x WHERE x.email = lower(n.email))
$$;

CREATE FUNCTION herald_refuse_unapproved(c campaigns, recipients bigint) RETURNS void
LANGUAGE plpgsql STABLE SET search_path FROM CURRENT AS $$
DECLARE
    author text := herald_approval_author(c.id, recipients);
BEGIN
    IF author IS NOT NULL THEN
        RAISE EXCEPTION 'Campaign ''%'' goes to % recipients (more than %) and needs approval from a sender or '
                        'administrator other than % before it is queued or scheduled (herald campaign approve %).',
                        c.name, recipients, (SELECT threshold FROM approval_settings),
                        CASE WHEN author = '' THEN 'its author' ELSE author END, c.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$$;

CREATE FUNCTION herald_sendable_count(p_campaign bigint) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT count(*) FROM sends WHERE campaign_id = p_campaign AND status <> 'suppressed'
$$;

-- The count for a campaign entering the sending lifecycle: its sends, and for a schedule at least the largest audience.
CREATE FUNCTION herald_recipients_leaving_drafts(c campaigns) RETURNS bigint
LANGUAGE sql STABLE SET search_path FROM CURRENT AS $$
    SELECT CASE WHEN c.status = 'scheduled' THEN greatest(herald_largest_audience(), herald_sendable_count(c.id))
                ELSE herald_sendable_count(c.id) END
$$;

-- Campaigns: the author is the login; leaving drafts needs the approval; what an approval covers cannot change under it.
CREATE FUNCTION campaigns_approval() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        -- A move to a team server (DatabaseCopier, which an administrator runs with herald.moving on) keeps the
        -- desk's authors; anyone else is the author of what they insert.
        IF NOT (coalesce(current_setting('herald.moving', true), '') = 'on' AND herald_is_admin(session_user)) THEN
            NEW.created_by := session_user;
        END IF;
        IF NEW.status IN ('scheduled', 'sending', 'paused') THEN
            PERFORM herald_refuse_unapproved(NEW, herald_recipients_leaving_drafts(NEW));
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.created_by IS DISTINCT FROM OLD.created_by AND NOT herald_is_admin(session_user) THEN
        NEW.created_by := OLD.created_by; -- kept, as the audit log's actor is: the client does not say who wrote what
    END IF;
    IF NEW.template_id IS DISTINCT FROM OLD.template_id OR NEW.segment_id IS DISTINCT FROM OLD.segment_id
       OR NEW.audience IS DISTINCT FROM OLD.audience OR NEW.sender_identity_id IS DISTINCT FROM OLD.sender_identity_id THEN
        PERFORM herald_withdraw_approvals(ARRAY[NEW.id], 'the campaign''s template, audience or sender changed');
    END IF;
    -- Into the sending lifecycle from outside it (a draft, or by hand from completed or cancelled); moves within it
    -- (a scheduled start, pause, resume) were checked when it entered.
    IF NEW.status IN ('scheduled', 'sending', 'paused') AND OLD.status NOT IN ('scheduled', 'sending', 'paused') THEN
        PERFORM herald_refuse_unapproved(NEW, herald_recipients_leaving_drafts(NEW));
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION herald_withdraw_approvals(campaign_ids bigint[], reason text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    WITH withdrawn AS (DELETE FROM campaign_approvals WHERE campaign_id = ANY (campaign_ids)
                       RETURNING campaign_id, approved_by)
    INSERT INTO audit_log (action, entity, entity_id, detail)
        SELECT 'approval withdrawn', 'campaign', campaign_id::text,
               format('approved by %s; withdrawn: %s', approved_by, reason)
        FROM withdrawn;
END
$$;

CREATE TRIGGER campaigns_approval BEFORE INSERT OR UPDATE ON campaigns
    FOR EACH ROW EXECUTE FUNCTION campaigns_approval();

-- Editing a template (a new version) withdraws the approvals of the drafts and scheduled campaigns that use it.
CREATE FUNCTION templates_withdraw_approvals() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.version IS DISTINCT FROM OLD.version THEN
        PERFORM herald_withdraw_approvals(ARRAY(
            SELECT a.campaign_id FROM campaign_approvals a JOIN campaigns c ON c.id = a.campaign_id
            WHERE c.template_id = NEW.id AND c.status IN ('draft', 'scheduled')), 'its template was edited');
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER templates_withdraw_approvals AFTER UPDATE ON templates
    FOR EACH ROW EXECUTE FUNCTION templates_withdraw_approvals();

-- Sends added to a campaign that has left drafts (a scheduled start, or rows written by hand): counted after the
-- statement. Drafts are counted when they leave drafts (campaigns_approval), so queueing pays nothing here.
CREATE FUNCTION sends_approval() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    c campaigns%ROWTYPE;
BEGIN
    IF (SELECT threshold FROM approval_settings) IS NULL THEN
        RETURN NULL;
    END IF;
    FOR c IN SELECT * FROM campaigns WHERE id IN (SELECT DISTINCT campaign_id FROM added) AND status <> 'draft' LOOP
        PERFORM herald_refuse_unapproved(c, herald_sendable_count(c.id));
    END LOOP;
    RETURN NULL;
END
$$;
CREATE TRIGGER sends_approval AFTER INSERT ON sends REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION sends_approval();

-- The threshold's changes, in the audit log.
CREATE FUNCTION approval_settings_audit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.threshold IS DISTINCT FROM OLD.threshold THEN
        INSERT INTO audit_log (action, entity, entity_id, detail)
            VALUES ('approval threshold', 'settings', '',
                    coalesce('more than ' || NEW.threshold || ' recipients need approval', 'approval off'));
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER approval_settings_audit AFTER UPDATE ON approval_settings
    FOR EACH ROW EXECUTE FUNCTION approval_settings_audit();

-- Approving: a sender other than the author, a draft or scheduled campaign; records what was approved.
CREATE FUNCTION herald_approve_campaign(p_campaign bigint, p_audience_count bigint DEFAULT NULL) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    c campaigns%ROWTYPE;
    version_ integer;
BEGIN
    IF NOT herald_may_approve(session_user) THEN
        RAISE EXCEPTION 'permission denied: only a sender or administrator may approve campaigns'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT * INTO c FROM campaigns WHERE id = p_campaign FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'Campaign #% does not exist.', p_campaign USING ERRCODE = 'no_data_found';
    END IF;
    IF c.created_by = session_user THEN
        RAISE EXCEPTION 'permission denied: % wrote campaign ''%'' and may not approve it; another sender or '
                        'administrator must.', session_user, c.name
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF c.status NOT IN ('draft', 'scheduled') THEN
        RAISE EXCEPTION 'Campaign ''%'' is %; only a draft or a scheduled campaign is approved.', c.name, c.status
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    SELECT t.version INTO version_ FROM templates t WHERE t.id = c.template_id;
    INSERT INTO campaign_approvals AS a (campaign_id, approved_by, approved_at, template_id, template_version,
                                         segment_id, audience, sender_identity_id, audience_count)
        VALUES (c.id, session_user, now(), c.template_id, version_, c.segment_id, c.audience, c.sender_identity_id,
                p_audience_count)
        ON CONFLICT (campaign_id) DO UPDATE SET approved_by = EXCLUDED.approved_by, approved_at = EXCLUDED.approved_at,
            template_id = EXCLUDED.template_id, template_version = EXCLUDED.template_version,
            segment_id = EXCLUDED.segment_id, audience = EXCLUDED.audience,
            sender_identity_id = EXCLUDED.sender_identity_id, audience_count = EXCLUDED.audience_count;
    INSERT INTO audit_log (action, entity, entity_id, detail)
        VALUES ('approve', 'campaign', c.id::text,
                format('template #%s version %s, audience %s, sender identity #%s, %s recipients counted',
                       c.template_id, version_, coalesce('segment #' || c.segment_id, c.audience),
                       c.sender_identity_id, coalesce(p_audience_count::text, 'no')));
END
$$;

REVOKE EXECUTE ON FUNCTION herald_approve_campaign(bigint, bigint), herald_withdraw_approvals(bigint[], text)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION herald_approve_campaign(bigint, bigint) TO herald_sender;

-- Found while testing a worker's start of a scheduled campaign: CampaignLauncher::checkSnapshot (and the composer of a
-- campaign showing library images) reads the media library, which schema 23 did not grant to herald_worker.
GRANT SELECT ON media TO herald_worker;
