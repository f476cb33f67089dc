-- Herald schema 25 (PostgreSQL): managing the team from Herald (issue 18): Settings → Team and `herald team`.
--
-- A person is a login role that is a member of one of schema 23's group roles (herald_viewer, herald_editor,
-- herald_sender, herald_admin, herald_worker) or of schema 26's herald_serve; their Herald role is the highest group they are a direct member of.
-- Admins (members of herald_admin) have no CREATEROLE, so adding, changing and removing people goes through the
-- SECURITY DEFINER functions below, owned by the schema's owner (who created the group roles in 023 and so has
-- CREATEROLE, or was given it by a superuser: see migrations/README.md). Only herald_admin may execute them. They
-- touch plain team members only: never a superuser, the owner, a role with CREATEROLE or BYPASSRLS, a group role, a
-- role that is a member of anything but the herald groups or that has members of its own, nor the caller themselves.
-- Each change is one audit_log line (actor = session_user, the admin's login, by 023's trigger).
--
-- Passwords: PostgreSQL hashes them itself (CREATE ROLE … PASSWORD, SCRAM or md5 per the server's
-- password_encryption); Herald never stores one. NULL means no password: the person authenticates by certificate or
-- peer (pg_hba.conf). A server logging every statement (log_statement = 'all') would log the call with its password,
-- as it would log any CREATE ROLE … PASSWORD.
--
-- Last seen: team_last_seen, written by herald_team_seen() (any herald group; records session_user only), which
-- Herald calls each time it opens the database.

CREATE TABLE team_last_seen (
    login   text PRIMARY KEY,
    seen_at timestamptz NOT NULL DEFAULT now()
);
-- Who was last seen when is the admins' to read; everyone writes their own line through herald_team_seen() only.
GRANT SELECT, INSERT, UPDATE, DELETE ON team_last_seen TO herald_admin;

-- The Herald role (viewer, editor, sender, admin, worker, serve) a role is a direct member of, the highest first; NULL when
-- none. Readable by anyone, as pg_roles is.
CREATE FUNCTION herald_team_role_of(p_login text) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT substr(g.rolname, 8)
    FROM pg_catalog.pg_auth_members m
    JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
    JOIN pg_catalog.pg_roles r ON r.oid = m.member
    WHERE r.rolname = p_login
      AND g.rolname IN ('herald_admin', 'herald_sender', 'herald_editor', 'herald_viewer', 'herald_worker', 'herald_serve')
    ORDER BY array_position(ARRAY['herald_admin', 'herald_sender', 'herald_editor', 'herald_viewer', 'herald_worker',
                                  'herald_serve'],
                            g.rolname::text)
    LIMIT 1
$$;

-- The group role of a Herald role's name, or an error naming the five.
CREATE FUNCTION herald_team_group(p_role text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF p_role IS NULL OR p_role NOT IN ('viewer', 'editor', 'sender', 'admin', 'worker', 'serve') THEN
        RAISE EXCEPTION 'There is no Herald role ''%''; the roles are viewer, editor, sender, admin, worker and serve.', p_role
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN 'herald_' || p_role;
END
$$;

-- Refuses a login name Herald would not create: lower-case letters, digits, '_', '.', '-', '@', at most 63, not
-- starting like PostgreSQL's or Herald's own roles.
CREATE FUNCTION herald_team_check_name(p_login text) RETURNS void LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF p_login IS NULL OR p_login !~ '^[a-z_][a-z0-9_.@-]{0,62}$' THEN
        RAISE EXCEPTION 'A login name is 1 to 63 lower-case letters, digits, ''_'', ''.'', ''-'' or ''@'', '
                        'starting with a letter or ''_'' (got ''%'').', p_login
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_login LIKE 'pg\_%' OR p_login LIKE 'herald\_%' THEN
        RAISE EXCEPTION 'The login name ''%'' is reserved (pg_… names are PostgreSQL''s, herald_… names Herald''s '
                        'group roles).', p_login
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$$;

-- Refuses (SQLSTATE 22023, a sentence saying why) anything that is not a plain Herald team member, and the caller.
CREATE FUNCTION herald_team_check_member(p_login text) RETURNS void LANGUAGE plpgsql STABLE AS $$
DECLARE
    target pg_roles%ROWTYPE;
BEGIN
    SELECT * INTO target FROM pg_roles WHERE rolname = p_login;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'There is no login ''%'' on this server.', p_login USING ERRCODE = 'undefined_object';
    END IF;
    IF target.rolsuper OR target.rolcreaterole OR target.rolbypassrls THEN
        RAISE EXCEPTION '''%'' is a superuser or may create roles or bypass row-level security; Herald does not '
                        'change such roles (a superuser does, with psql).', p_login
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_login = current_user OR target.oid = (SELECT datdba FROM pg_database WHERE datname = current_database()) THEN
        RAISE EXCEPTION '''%'' owns this database; Herald does not change its owner.', p_login
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_login = session_user THEN
        RAISE EXCEPTION 'You cannot change or remove your own login (''%''); another admin can.', p_login
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_login IN ('herald_viewer', 'herald_editor', 'herald_sender', 'herald_admin', 'herald_worker', 'herald_serve')
       OR herald_team_role_of(p_login) IS NULL THEN
        RAISE EXCEPTION '''%'' is not a member of Herald''s team (herald_viewer, editor, sender, admin, worker or serve); '
                        'Herald changes only its own team''s logins.', p_login
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
               WHERE m.member = target.oid AND g.rolname NOT LIKE 'herald\_%')
       OR EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.roleid = target.oid) THEN
        RAISE EXCEPTION '''%'' is also a member of other roles, or has members of its own; Herald changes only '
                        'logins that are nothing but Herald team members (a superuser does the rest, with psql).',
                        p_login
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$$;

-- Adds a person: a new login in the role's group, with `p_password` (hashed by PostgreSQL) or none (NULL).
CREATE FUNCTION herald_team_add(p_login text, p_role text, p_password text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    group_role text := herald_team_group(p_role);
BEGIN
    PERFORM herald_team_check_name(p_login);
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
        RAISE EXCEPTION 'A login ''%'' already exists on this server; choose another name (or change its role if '
                        'it is already in the team).', p_login
            USING ERRCODE = 'duplicate_object';
    END IF;
    IF p_password IS NOT NULL AND length(p_password) < 12 THEN
        RAISE EXCEPTION 'A password needs at least 12 characters.' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    BEGIN
        IF p_password IS NULL THEN
            EXECUTE format('CREATE ROLE %I LOGIN IN ROLE %I', p_login, group_role);
        ELSE
            EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', p_login, p_password, group_role);
        END IF;
    EXCEPTION WHEN insufficient_privilege THEN
        RAISE EXCEPTION '% (the owner of this database''s schema) may not create roles: a superuser gives it '
                        'CREATEROLE (and, from PostgreSQL 16, ADMIN OPTION on the herald_… roles) once.', current_user
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END;
    INSERT INTO audit_log (action, entity, entity_id, detail)
        VALUES ('team add', 'login', p_login,
                format('none → %s; %s', p_role, CASE WHEN p_password IS NULL
                                                     THEN 'no password (certificate or peer authentication)'
                                                     ELSE 'password set' END));
END
$$;

-- Changes a person's role: out of every herald group, into the new one.
CREATE FUNCTION herald_team_set_role(p_login text, p_role text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    group_role text := herald_team_group(p_role);
    old_role text;
    member_of text;
BEGIN
    PERFORM herald_team_check_member(p_login);
    old_role := herald_team_role_of(p_login);
    FOR member_of IN SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                     JOIN pg_roles r ON r.oid = m.member
                     WHERE r.rolname = p_login AND g.rolname LIKE 'herald\_%' AND g.rolname <> group_role
    LOOP
        EXECUTE format('REVOKE %I FROM %I', member_of, p_login);
    END LOOP;
    IF NOT EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.roleid = to_regrole(group_role)
                   AND m.member = to_regrole(quote_ident(p_login))) THEN
        EXECUTE format('GRANT %I TO %I', group_role, p_login);
    END IF;
    INSERT INTO audit_log (action, entity, entity_id, detail)
        VALUES ('team role', 'login', p_login, format('%s → %s', old_role, p_role));
END
$$;

-- Removes a person: what they own in this database goes to the owner, their rights here are revoked, the login is
-- dropped. Whatever they own or may do in another database of the server stops it, with the list in the message.
CREATE FUNCTION herald_team_remove(p_login text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    old_role text;
    blocking text;
BEGIN
    PERFORM herald_team_check_member(p_login);
    old_role := herald_team_role_of(p_login);
    -- REASSIGN and DROP OWNED need the privileges of the role they act on: a CREATEROLE owner takes them for this
    -- transaction (the membership goes with the role).
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        EXECUTE format('GRANT %I TO %I', p_login, current_user);
    END IF;
    EXECUTE format('REASSIGN OWNED BY %I TO %I', p_login, current_user);
    EXECUTE format('DROP OWNED BY %I', p_login);
    BEGIN
        EXECUTE format('DROP ROLE %I', p_login);
    EXCEPTION WHEN dependent_objects_still_exist THEN
        GET STACKED DIAGNOSTICS blocking = PG_EXCEPTION_DETAIL;
        RAISE EXCEPTION '''%'' still owns objects or holds rights in other databases of this server, so the login '
                        'stays: %. In each of those databases run REASSIGN OWNED BY % TO its owner; DROP OWNED BY %; '
                        'then remove again.', p_login, replace(blocking, E'\n', '; '), quote_ident(p_login),
                        quote_ident(p_login)
            USING ERRCODE = 'dependent_objects_still_exist';
    END;
    DELETE FROM team_last_seen WHERE login = p_login;
    INSERT INTO audit_log (action, entity, entity_id, detail)
        VALUES ('team remove', 'login', p_login, format('%s → none (login removed)', old_role));
END
$$;

-- Last seen: the caller's own line, nobody else's.
CREATE FUNCTION herald_team_seen() RETURNS void LANGUAGE sql SECURITY DEFINER AS $$
    INSERT INTO team_last_seen (login, seen_at) VALUES (session_user, now())
    ON CONFLICT (login) DO UPDATE SET seen_at = EXCLUDED.seen_at
$$;

-- The functions find this schema's tables and nothing a caller put first: pg_catalog, this schema, pg_temp last
-- (a caller's temporary table never stands in for audit_log).
DO $$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['herald_team_role_of(text)', 'herald_team_group(text)', 'herald_team_check_name(text)',
                             'herald_team_check_member(text)', 'herald_team_add(text, text, text)',
                             'herald_team_set_role(text, text)', 'herald_team_remove(text)', 'herald_team_seen()']
    LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, %I, pg_temp', f, current_schema());
    END LOOP;
END
$$;

REVOKE EXECUTE ON FUNCTION herald_team_check_member(text), herald_team_add(text, text, text),
    herald_team_set_role(text, text), herald_team_remove(text), herald_team_seen() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION herald_team_add(text, text, text), herald_team_set_role(text, text), herald_team_remove(text)
    TO herald_admin;
GRANT EXECUTE ON FUNCTION herald_team_seen() TO herald_viewer, herald_worker;
