-- Closing the holes in the record's guarantees (issue 8): no client-controlled setting changes a rule or the
-- audit, exporter reads are leak-proof, whoever wrote any part of an unpublished change can never approve it,
-- approvals are bound to the version the reviewer read, publishers queue instead of deadlocking, the publish
-- sequence is gap-free in commit order, and ClaimDesk rights belong to one database.

-- New functions are callable by nobody until a GRANT below says otherwise (later migrations too).
ALTER DEFAULT PRIVILEGES IN SCHEMA claimdesk REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- The notifier (reader subscriptions) and the watcher (cited sources) are narrow service roles.
DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['claimdesk_notifier', 'claimdesk_watcher'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END $$;
GRANT USAGE ON SCHEMA claimdesk TO claimdesk_notifier, claimdesk_watcher;

------------------------------------------------------------------------------------------------------------------
-- Rights belong to one database. PostgreSQL roles are cluster-wide, so membership of claimdesk_editor alone would
-- make an editor of staging an editor of production. A right counts here only when this database's members table
-- records it too; `claimdesk user add` (add_user) writes both.
------------------------------------------------------------------------------------------------------------------
CREATE TABLE claimdesk.members (
    handle text NOT NULL,
    role text NOT NULL CHECK (role IN ('editor', 'reviewer', 'admin', 'exporter', 'notifier', 'watcher')),
    granted_by text NOT NULL DEFAULT session_user,
    granted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (handle, role)
);

-- Upgrading a database: the people its admins added here keep the roles they hold.
INSERT INTO claimdesk.members (handle, role, granted_by)
SELECT p.handle, replace(g.rolname, 'claimdesk_', ''), 'migration 0007'
FROM claimdesk.people p
JOIN pg_roles u ON u.rolname = p.handle
JOIN pg_auth_members am ON am.member = u.oid
JOIN pg_roles g ON g.oid = am.roleid
WHERE g.rolname IN ('claimdesk_editor', 'claimdesk_reviewer', 'claimdesk_admin', 'claimdesk_exporter')
ON CONFLICT DO NOTHING;

-- Does the session's login role hold one of the given ClaimDesk roles (`editor|admin`) in this database?
-- Superusers and the schema owner (who migrates and adds the first admin) hold every role.
CREATE FUNCTION claimdesk.holds(p_roles text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper)
        OR session_user = (SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'claimdesk')
        OR EXISTS (
            SELECT 1 FROM claimdesk.members m
            WHERE m.handle = session_user
              AND m.role = ANY (string_to_array(p_roles, '|'))
              AND pg_has_role(session_user, 'claimdesk_' || m.role, 'MEMBER'))
$$;

-- The ClaimDesk roles the session holds in this database, for status.
CREATE FUNCTION claimdesk.my_roles() RETURNS text[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
    SELECT coalesce(array_agg(r ORDER BY r), '{}')
    FROM unnest(ARRAY['admin', 'editor', 'exporter', 'notifier', 'reviewer', 'watcher']) r
    WHERE EXISTS (SELECT 1 FROM claimdesk.members m
                  WHERE m.handle = session_user AND m.role = r
                    AND pg_has_role(session_user, 'claimdesk_' || r, 'MEMBER'))
$$;

CREATE OR REPLACE FUNCTION claimdesk.require_role(p_role text, p_action text) RETURNS void
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_roles text[] := string_to_array(p_role, '|');
    r text;
BEGIN
    IF claimdesk.holds(p_role) THEN
        RETURN;
    END IF;
    FOREACH r IN ARRAY v_roles LOOP
        IF pg_has_role(session_user, 'claimdesk_' || r, 'MEMBER') THEN
            RAISE EXCEPTION '% may not % in database %: the % role was granted in another database, not this one',
                session_user, p_action, current_database(), r
                USING ERRCODE = 'insufficient_privilege',
                      HINT = format('Rights belong to one database. Ask an admin of %s to run: claimdesk user add %s --role %s',
                                    current_database(), session_user, r);
        END IF;
    END LOOP;
    RAISE EXCEPTION '% may not %: that needs the % role', session_user, p_action, replace(p_role, '|', ' or ')
        USING ERRCODE = 'insufficient_privilege',
              HINT = format('Ask an admin to run: claimdesk user add %s --role %s', session_user, v_roles[1]);
END $$;

CREATE OR REPLACE FUNCTION claimdesk.add_user(p_handle text, p_role text, p_display_name text DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
BEGIN
    PERFORM claimdesk.require_role('admin', 'add users');
    IF p_role IS NULL OR p_role NOT IN ('editor', 'reviewer', 'admin', 'exporter', 'notifier', 'watcher') THEN
        RAISE EXCEPTION 'role "%" does not exist', left(p_role, 40)
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Use one of: editor, reviewer, admin, exporter, notifier, watcher.';
    END IF;
    IF p_handle IS NULL OR p_handle !~ '^[a-z_][a-z0-9_.-]{0,62}$' THEN
        RAISE EXCEPTION 'user handle "%" is not allowed', left(p_handle, 70)
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Use lowercase letters, digits, ".", "-" or "_", starting with a letter, at most 63 characters.';
    END IF;
    IF p_handle LIKE 'pg\_%' OR p_handle LIKE 'claimdesk\_%' OR p_handle IN ('public', 'none', 'current_user',
        'session_user', 'current_role', 'user', 'all') THEN
        RAISE EXCEPTION 'user handle "%" is reserved', p_handle
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Pick a handle that is not a PostgreSQL keyword and does not start with pg_ or claimdesk_.';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_handle) THEN
        EXECUTE format('CREATE ROLE %I LOGIN', p_handle);
    END IF;
    EXECUTE format('GRANT %I TO %I', 'claimdesk_' || p_role, p_handle);
    -- So that admins may REVOKE CONNECT ... FROM PUBLIC: the people of this database can still connect to it.
    IF has_database_privilege(current_user, current_database(), 'CONNECT WITH GRANT OPTION') THEN
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), p_handle);
    END IF;
    INSERT INTO claimdesk.members (handle, role) VALUES (p_handle, p_role) ON CONFLICT DO NOTHING;
    INSERT INTO claimdesk.people (handle, display_name) VALUES (p_handle, p_display_name)
    ON CONFLICT (handle) DO UPDATE SET display_name = coalesce(EXCLUDED.display_name, people.display_name);
    INSERT INTO claimdesk.audit_log (action, note, details)
    VALUES ('user_added', p_handle, jsonb_build_object('handle', p_handle, 'role', p_role, 'name', p_display_name,
                                                      'database', current_database()));
    RETURN jsonb_build_object('handle', p_handle, 'role', p_role, 'name', p_display_name);
END $$;

-- Editorial reads are scoped to the database too: row-level security on every table of the record. The
-- workflow functions run as the owner, to whom these policies do not apply.
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['claims', 'revisions', 'citations', 'publications', 'audit_log', 'people', 'members'] LOOP
        EXECUTE format('ALTER TABLE claimdesk.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY editorial_read ON claimdesk.%I FOR SELECT USING ((SELECT claimdesk.holds(%L)))',
                       t, 'editor|reviewer|admin');
    END LOOP;
    FOREACH t IN ARRAY ARRAY['tools', 'tiers'] LOOP
        EXECUTE format('ALTER TABLE claimdesk.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY desk_read ON claimdesk.%I FOR SELECT USING ((SELECT claimdesk.holds(%L)))',
                       t, 'editor|reviewer|admin|exporter');
    END LOOP;
END $$;
GRANT SELECT ON claimdesk.members TO claimdesk_editor, claimdesk_reviewer, claimdesk_admin;

------------------------------------------------------------------------------------------------------------------
-- What the exporter reads: leak-proof views. A security_barrier view applies its own filter before any function
-- the caller adds, so a cheap leaky function in the query never sees a draft.
------------------------------------------------------------------------------------------------------------------
CREATE OR REPLACE VIEW claimdesk.live_claims WITH (security_barrier) AS
SELECT c.id AS claim_id, c.tool_slug, c.tier_slug, c.topic_key, r.id AS revision_id, r.number, r.verdict,
       r.headline, r.body, r.confidence, r.verified_on, r.verified_by, r.publish_seq, r.published_at
FROM claimdesk.claims c
JOIN claimdesk.revisions r ON r.claim_id = c.id AND r.state = 'published'
WHERE (SELECT claimdesk.holds('exporter|editor|reviewer|admin'));

CREATE OR REPLACE VIEW claimdesk.live_citations WITH (security_barrier) AS
SELECT ci.revision_id, ci.position, ci.url, ci.supports, ci.dated, ci.title, ci.archived_url
FROM claimdesk.citations ci
JOIN claimdesk.revisions r ON r.id = ci.revision_id AND r.state = 'published'
WHERE (SELECT claimdesk.holds('exporter|editor|reviewer|admin'));

CREATE OR REPLACE VIEW claimdesk.published_changes WITH (security_barrier) AS
SELECT p.seq, p.kind, p.tool_slug, c.tool_slug || coalesce('/' || c.tier_slug, '') || ':' || c.topic_key AS ref, p.at,
       CASE p.kind WHEN 'retracted' THEN coalesce(p.note, '') ELSE r.headline END AS summary
FROM claimdesk.publications p
JOIN claimdesk.claims c ON c.id = p.claim_id
JOIN claimdesk.revisions r ON r.id = p.revision_id
WHERE (SELECT claimdesk.holds('exporter|editor|reviewer|admin'));

CREATE OR REPLACE VIEW claimdesk.publication_log WITH (security_barrier) AS
SELECT seq, kind, tool_slug, claim_id, revision_id, at FROM claimdesk.publications
WHERE (SELECT claimdesk.holds('exporter|editor|reviewer|admin'));

------------------------------------------------------------------------------------------------------------------
-- The audit nothing skips. Copying a revision's citations into a new draft is announced in a table no client can
-- write (keyed by the transaction), instead of a session setting any client could set.
------------------------------------------------------------------------------------------------------------------
CREATE TABLE claimdesk.citation_copies (
    xact xid8 NOT NULL,
    revision_id bigint NOT NULL,
    PRIMARY KEY (xact, revision_id)
);
ALTER TABLE claimdesk.citation_copies ENABLE ROW LEVEL SECURITY;

CREATE OR REPLACE FUNCTION claimdesk.citations_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_rev claimdesk.revisions;
    v_row claimdesk.citations := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
BEGIN
    SELECT * INTO v_rev FROM claimdesk.revisions WHERE id = v_row.revision_id;
    IF v_rev.state <> 'draft' THEN
        RAISE EXCEPTION 'citations of revision % of % are frozen: it is %', v_rev.number,
            claimdesk.ref_of(v_rev.claim_id), v_rev.state
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  HINT = 'Use claimdesk cite / uncite: they start a new draft, which needs a new review.';
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.revision_id <> OLD.revision_id THEN
        RAISE EXCEPTION 'a citation cannot move to another revision' USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM claimdesk.check_day(NEW.dated, 'citation date');
    END IF;
    -- Only an INSERT into a draft that copy_to_draft is filling in this very transaction is a copy; its
    -- 'drafted' audit row (with based_on) already records where the citations came from.
    IF TG_OP = 'INSERT' AND EXISTS (
        SELECT 1 FROM claimdesk.citation_copies
        WHERE xact = pg_current_xact_id() AND revision_id = v_row.revision_id) THEN
        RETURN NEW;
    END IF;
    INSERT INTO claimdesk.audit_log (action, tool_slug, ref, claim_id, revision_id, details)
    SELECT CASE TG_OP WHEN 'INSERT' THEN 'cited' WHEN 'UPDATE' THEN 'recited' ELSE 'uncited' END,
           c.tool_slug, claimdesk.ref_of(c.id), c.id, v_rev.id,
           jsonb_build_object('url', v_row.url, 'revision', v_rev.number)
    FROM claimdesk.claims c WHERE c.id = v_rev.claim_id;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

-- Copies a revision into a new draft by the caller. When the source is itself unpublished (a draft or reviewed
-- revision being superseded by an edit), everyone who wrote any part of it stays on the new draft's editors, so
-- nobody can approve words they wrote; copying the live revision starts afresh (that text was already reviewed).
CREATE OR REPLACE FUNCTION claimdesk.copy_to_draft(p_from claimdesk.revisions) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_id bigint;
    v_editors text[] := ARRAY[session_user::text];
BEGIN
    IF p_from.state IN ('draft', 'reviewed') THEN
        v_editors := CASE WHEN session_user = ANY (p_from.editors) THEN p_from.editors
                          ELSE p_from.editors || session_user::text END;
    END IF;
    INSERT INTO claimdesk.revisions (claim_id, topic_key, number, verdict, headline, body, confidence,
                                     verified_on, verified_by, author, editors, based_on)
    VALUES (p_from.claim_id, p_from.topic_key,
            (SELECT max(number) + 1 FROM claimdesk.revisions WHERE claim_id = p_from.claim_id),
            p_from.verdict, p_from.headline, p_from.body, p_from.confidence, p_from.verified_on,
            p_from.verified_by, session_user, v_editors,
            CASE WHEN p_from.state IN ('draft', 'reviewed') THEN coalesce(p_from.based_on, p_from.id) ELSE p_from.id END)
    RETURNING id INTO v_id;
    INSERT INTO claimdesk.citation_copies (xact, revision_id) VALUES (pg_current_xact_id(), v_id);
    INSERT INTO claimdesk.citations (revision_id, position, url, supports, dated, title, archived_url)
    SELECT v_id, position, url, supports, dated, title, archived_url
    FROM claimdesk.citations WHERE revision_id = p_from.id;
    DELETE FROM claimdesk.citation_copies WHERE xact = pg_current_xact_id() AND revision_id = v_id;
    RETURN v_id;
END $$;

-- Refuses a stale base: the caller read revision p_base_id at p_base_version, and it has changed since.
CREATE FUNCTION claimdesk.require_base(p_ref text, p_current claimdesk.revisions, p_base_id bigint,
                                       p_base_version int, p_doing text) RETURNS void
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF p_base_id IS NULL THEN
        RETURN;
    END IF;
    IF p_current.id IS NULL OR p_current.id <> p_base_id OR p_current.version <> coalesce(p_base_version, p_current.version) THEN
        RAISE EXCEPTION '% changed while you were %: it is now %', p_ref, p_doing,
            CASE WHEN p_current.id IS NULL THEN 'gone (no open or live revision)'
                 ELSE format('revision %s (%s), last changed by %s at %s', p_current.number, p_current.state,
                     coalesce((SELECT actor FROM claimdesk.audit_log WHERE revision_id = p_current.id ORDER BY id DESC LIMIT 1),
                              p_current.author),
                     to_char(p_current.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"')) END
            USING ERRCODE = 'serialization_failure',
                  DETAIL = format('You read revision id %s version %s; it is now revision id %s version %s.',
                                  p_base_id, coalesce(p_base_version::text, '?'), coalesce(p_current.id::text, '-'),
                                  coalesce(p_current.version::text, '-')),
                  HINT = format('Look at claimdesk claim show %s and claim diff %s, then try again.', p_ref, p_ref);
    END IF;
END $$;

CREATE OR REPLACE FUNCTION claimdesk.editable_draft(p_ref text, p_base_id bigint, p_base_version int)
RETURNS claimdesk.revisions
LANGUAGE plpgsql AS $$
DECLARE
    v_claim claimdesk.claims := claimdesk.resolve_claim(p_ref, false);
    v_open claimdesk.revisions := claimdesk.open_revision(v_claim.id);
    v_live claimdesk.revisions := claimdesk.live_revision(v_claim.id);
    v_current claimdesk.revisions;
    v_id bigint;
BEGIN
    IF v_open.id IS NOT NULL THEN v_current := v_open; ELSE v_current := v_live; END IF;
    IF v_current.id IS NULL THEN
        RAISE EXCEPTION '% has no open or live revision to edit', p_ref
            USING ERRCODE = 'no_data_found', HINT = format('Start one with claimdesk claim draft %s.', p_ref);
    END IF;
    PERFORM claimdesk.require_base(p_ref, v_current, p_base_id, p_base_version, 'editing');
    IF v_open.id IS NOT NULL AND v_open.state = 'draft' THEN
        RETURN v_open;
    END IF;
    IF v_open.id IS NOT NULL THEN
        -- Editing reviewed content voids the approval: the reviewed revision is closed, a new draft takes its place.
        UPDATE claimdesk.revisions SET state = 'discarded', note = 'approval voided: edited by ' || session_user
        WHERE id = v_open.id;
        v_id := claimdesk.copy_to_draft(v_open);
    ELSE
        v_id := claimdesk.copy_to_draft(v_live);
    END IF;
    SELECT * INTO v_open FROM claimdesk.revisions WHERE id = v_id;
    RETURN v_open;
END $$;

-- Every workflow step that touches a claim's revisions first locks the claim row: revisions are then locked
-- under it, so two steps on one claim queue instead of taking its revisions' locks in opposite orders.
CREATE FUNCTION claimdesk.lock_claim(p_claim_id bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM claimdesk.claims WHERE id = p_claim_id FOR NO KEY UPDATE;
END $$;

CREATE OR REPLACE FUNCTION claimdesk.open_revision(p_claim_id bigint) RETURNS claimdesk.revisions
LANGUAGE plpgsql AS $$
DECLARE
    v claimdesk.revisions;
BEGIN
    PERFORM claimdesk.lock_claim(p_claim_id);
    SELECT * INTO v FROM claimdesk.revisions WHERE claim_id = p_claim_id AND state IN ('draft', 'reviewed') FOR UPDATE;
    RETURN v;
END $$;

CREATE OR REPLACE FUNCTION claimdesk.live_revision(p_claim_id bigint) RETURNS claimdesk.revisions
LANGUAGE plpgsql AS $$
DECLARE
    v claimdesk.revisions;
BEGIN
    PERFORM claimdesk.lock_claim(p_claim_id);
    SELECT * INTO v FROM claimdesk.revisions WHERE claim_id = p_claim_id AND state = 'published' FOR UPDATE;
    RETURN v;
END $$;

-- The revision an edit would start from (open, else live), locked.
CREATE FUNCTION claimdesk.current_revision(p_claim_id bigint) RETURNS claimdesk.revisions
LANGUAGE plpgsql AS $$
DECLARE
    v claimdesk.revisions := claimdesk.open_revision(p_claim_id);
BEGIN
    IF v.id IS NULL THEN
        v := claimdesk.live_revision(p_claim_id);
    END IF;
    RETURN v;
END $$;

-- A no-op edit (nothing differs from the current revision) changes nothing: no new revision, no new editor.
CREATE OR REPLACE FUNCTION claimdesk.edit_claim(p_ref text, p_verdict text DEFAULT NULL, p_headline text DEFAULT NULL,
                                     p_body text DEFAULT NULL, p_confidence text DEFAULT NULL,
                                     p_verified_on date DEFAULT NULL, p_verified_by text DEFAULT NULL,
                                     p_base_id bigint DEFAULT NULL, p_base_version int DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
DECLARE
    v_claim claimdesk.claims;
    v_current claimdesk.revisions;
    v_draft claimdesk.revisions;
BEGIN
    PERFORM claimdesk.require_role('editor|admin', 'edit claims');
    v_claim := claimdesk.resolve_claim(p_ref, false);
    PERFORM claimdesk.check_verdict(p_ref, v_claim.topic_key, p_verdict);
    v_current := claimdesk.current_revision(v_claim.id);
    IF v_current.id IS NOT NULL THEN
        PERFORM claimdesk.require_base(p_ref, v_current, p_base_id, p_base_version, 'editing');
    END IF;
    IF v_current.id IS NOT NULL
       AND (coalesce(p_verdict, v_current.verdict), coalesce(p_headline, v_current.headline),
            coalesce(p_body, v_current.body), coalesce(p_confidence, v_current.confidence),
            coalesce(p_verified_on, v_current.verified_on), coalesce(p_verified_by, v_current.verified_by))
           IS NOT DISTINCT FROM
           (v_current.verdict, v_current.headline, v_current.body, v_current.confidence, v_current.verified_on,
            v_current.verified_by) THEN
        RETURN claimdesk.revision_json(v_current.id) || jsonb_build_object('unchanged', true);
    END IF;
    v_draft := claimdesk.editable_draft(p_ref, p_base_id, p_base_version);
    UPDATE claimdesk.revisions SET
        verdict = coalesce(p_verdict, verdict),
        headline = coalesce(p_headline, headline),
        body = coalesce(p_body, body),
        confidence = coalesce(p_confidence, confidence),
        verified_on = coalesce(p_verified_on, verified_on),
        verified_by = coalesce(p_verified_by, verified_by),
        editors = CASE WHEN session_user = ANY (editors) THEN editors ELSE editors || session_user::text END,
        changes_requested = false,
        version = version + 1
    WHERE id = v_draft.id;
    RETURN claimdesk.revision_json(v_draft.id);
END $$;

-- Citing what the current revision already cites, word for word, changes nothing.
CREATE OR REPLACE FUNCTION claimdesk.cite(p_ref text, p_url text, p_supports text, p_dated date, p_title text DEFAULT NULL,
                               p_archived_url text DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
DECLARE
    v_claim claimdesk.claims;
    v_current claimdesk.revisions;
    v_draft claimdesk.revisions;
    v_existing claimdesk.citations;
BEGIN
    PERFORM claimdesk.require_role('editor|admin', 'cite sources');
    IF NOT claimdesk.is_http_url(coalesce(p_url, '')) THEN
        RAISE EXCEPTION '%: "%" is not an http(s) URL', p_ref, left(p_url, 200)
            USING ERRCODE = 'check_violation', HINT = 'Cite a full http:// or https:// address.';
    END IF;
    IF p_archived_url IS NOT NULL AND NOT claimdesk.is_http_url(p_archived_url) THEN
        RAISE EXCEPTION '%: archived copy "%" is not an http(s) URL', p_ref, left(p_archived_url, 200)
            USING ERRCODE = 'check_violation', HINT = 'Give a full http:// or https:// address, or leave it out.';
    END IF;
    v_claim := claimdesk.resolve_claim(p_ref, false);
    v_current := claimdesk.current_revision(v_claim.id);
    IF v_current.id IS NOT NULL AND EXISTS (
        SELECT 1 FROM claimdesk.citations c
        WHERE c.revision_id = v_current.id AND c.url = p_url
          AND (c.supports, c.dated, c.title, c.archived_url)
              IS NOT DISTINCT FROM (p_supports, p_dated, p_title, p_archived_url)) THEN
        RETURN claimdesk.revision_json(v_current.id) || jsonb_build_object('unchanged', true);
    END IF;
    v_draft := claimdesk.editable_draft(p_ref, NULL, NULL);
    SELECT * INTO v_existing FROM claimdesk.citations WHERE revision_id = v_draft.id AND url = p_url;
    IF v_existing.id IS NOT NULL THEN
        IF (v_existing.supports, v_existing.dated, v_existing.title, v_existing.archived_url)
           IS DISTINCT FROM (p_supports, p_dated, p_title, p_archived_url) THEN
            UPDATE claimdesk.citations SET supports = p_supports, dated = p_dated, title = p_title,
                archived_url = p_archived_url WHERE id = v_existing.id;
        END IF;
    ELSE
        INSERT INTO claimdesk.citations (revision_id, position, url, supports, dated, title, archived_url)
        VALUES (v_draft.id, (SELECT coalesce(max(position), 0) + 1 FROM claimdesk.citations WHERE revision_id = v_draft.id),
                p_url, p_supports, p_dated, p_title, p_archived_url);
    END IF;
    UPDATE claimdesk.revisions SET version = version + 1, changes_requested = false,
        editors = CASE WHEN session_user = ANY (editors) THEN editors ELSE editors || session_user::text END
    WHERE id = v_draft.id;
    RETURN claimdesk.revision_json(v_draft.id);
END $$;

------------------------------------------------------------------------------------------------------------------
-- Approvals bound to what the reviewer read.
------------------------------------------------------------------------------------------------------------------
DROP FUNCTION claimdesk.approve(text, text);
CREATE FUNCTION claimdesk.approve(p_ref text, p_note text DEFAULT NULL, p_base_id bigint DEFAULT NULL,
                                  p_base_version int DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
DECLARE
    v_claim claimdesk.claims;
    v_open claimdesk.revisions;
BEGIN
    PERFORM claimdesk.require_role('reviewer', 'approve revisions');
    v_claim := claimdesk.resolve_claim(p_ref, false);
    v_open := claimdesk.open_revision(v_claim.id);
    IF v_open.id IS NULL THEN
        IF p_base_id IS NOT NULL THEN
            PERFORM claimdesk.require_base(p_ref, v_open, p_base_id, p_base_version, 'reviewing');
        END IF;
        RAISE EXCEPTION '% has no open revision to approve', p_ref
            USING ERRCODE = 'no_data_found', HINT = 'See what awaits review with claimdesk review queue.';
    END IF;
    PERFORM claimdesk.require_base(p_ref, v_open, p_base_id, p_base_version, 'reviewing');
    IF v_open.state = 'reviewed' THEN
        RAISE EXCEPTION 'revision % of % is already approved (by %)', v_open.number, p_ref, v_open.reviewer
            USING ERRCODE = 'object_not_in_prerequisite_state', HINT = format('Publish it with claimdesk publish %s.', p_ref);
    END IF;
    IF session_user = ANY (v_open.editors) THEN
        RAISE EXCEPTION '% wrote or edited revision % of % and cannot approve it', session_user, v_open.number, p_ref
            USING ERRCODE = 'insufficient_privilege', HINT = 'Another reviewer must approve it.';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM claimdesk.citations WHERE revision_id = v_open.id) THEN
        RAISE EXCEPTION 'revision % of % has no citation', v_open.number, p_ref
            USING ERRCODE = 'check_violation',
                  HINT = format('Send it back (claimdesk review reject %s --note ...) so the editor cites a source.', p_ref);
    END IF;
    UPDATE claimdesk.revisions SET state = 'reviewed', reviewer = session_user, reviewed_at = clock_timestamp(),
        note = p_note, changes_requested = false
    WHERE id = v_open.id;
    RETURN claimdesk.revision_json(v_open.id);
END $$;

------------------------------------------------------------------------------------------------------------------
-- Publishing: one global lock order (the publication log first, then claims by id) so overlapping publishes
-- queue; every check before any number is taken; numbers from a counter row, so a rolled-back publish leaves no gap.
------------------------------------------------------------------------------------------------------------------
CREATE TABLE claimdesk.publish_counter (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    last_seq bigint NOT NULL CHECK (last_seq >= 0)
);
INSERT INTO claimdesk.publish_counter (last_seq)
SELECT greatest(coalesce((SELECT max(seq) FROM claimdesk.publications), 0),
                (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM claimdesk.publish_seq));
ALTER TABLE claimdesk.publish_counter ENABLE ROW LEVEL SECURITY;

CREATE FUNCTION claimdesk.take_publish_seq() RETURNS bigint
LANGUAGE sql AS $$
    UPDATE claimdesk.publish_counter SET last_seq = last_seq + 1 RETURNING last_seq
$$;

CREATE OR REPLACE FUNCTION claimdesk.revisions_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_ref text := claimdesk.ref_of(NEW.claim_id);
    v_has_verdicts boolean;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF OLD.state IN ('superseded', 'discarded', 'retracted') THEN
            RAISE EXCEPTION 'revision % of % is % and can no longer change', OLD.number, v_ref, OLD.state
                USING ERRCODE = 'object_not_in_prerequisite_state',
                      HINT = 'Closed revisions are history; start a new one with claim edit.';
        END IF;
        IF (OLD.state, NEW.state) NOT IN (
            ('draft', 'draft'), ('draft', 'reviewed'), ('draft', 'discarded'),
            ('reviewed', 'draft'), ('reviewed', 'published'), ('reviewed', 'discarded'),
            ('published', 'published'), ('published', 'superseded'), ('published', 'retracted'),
            ('reviewed', 'reviewed')) THEN
            RAISE EXCEPTION 'revision % of % cannot go from % to %', OLD.number, v_ref, OLD.state, NEW.state
                USING ERRCODE = 'object_not_in_prerequisite_state',
                      HINT = CASE NEW.state WHEN 'published' THEN 'Only reviewed revisions publish: approve it first.'
                                            ELSE 'Follow draft -> reviewed -> published.' END;
        END IF;
        IF (NEW.claim_id, NEW.topic_key, NEW.number, NEW.verdict, NEW.headline, NEW.body, NEW.confidence,
            NEW.verified_on, NEW.verified_by, NEW.author, NEW.created_at, NEW.based_on)
           IS DISTINCT FROM
           (OLD.claim_id, OLD.topic_key, OLD.number, OLD.verdict, OLD.headline, OLD.body, OLD.confidence,
            OLD.verified_on, OLD.verified_by, OLD.author, OLD.created_at, OLD.based_on)
           AND NOT (OLD.state = 'draft' AND NEW.state = 'draft') THEN
            RAISE EXCEPTION 'revision % of % is % and its content is frozen', OLD.number, v_ref, OLD.state
                USING ERRCODE = 'object_not_in_prerequisite_state',
                      HINT = 'Run claim edit: it makes a new draft, which needs a new review.';
        END IF;
        IF NOT (OLD.editors <@ NEW.editors) THEN
            RAISE EXCEPTION 'the list of people who edited revision % of % can only grow', OLD.number, v_ref
                USING ERRCODE = 'check_violation';
        END IF;
        IF OLD.publish_seq IS NOT NULL AND NEW.publish_seq IS DISTINCT FROM OLD.publish_seq THEN
            RAISE EXCEPTION 'the publish sequence of revision % of % cannot change', OLD.number, v_ref
                USING ERRCODE = 'check_violation';
        END IF;
    ELSE
        IF NEW.state <> 'draft' THEN
            RAISE EXCEPTION 'a new revision of % must start as a draft, not %', v_ref, NEW.state
                USING ERRCODE = 'check_violation', HINT = 'Drafts become reviewed and published through review.';
        END IF;
        IF NEW.publish_seq IS NOT NULL THEN
            RAISE EXCEPTION 'a new revision of % cannot carry a publish sequence', v_ref USING ERRCODE = 'check_violation';
        END IF;
    END IF;

    PERFORM claimdesk.check_day(NEW.verified_on, 'verified-on date');

    SELECT EXISTS (SELECT 1 FROM claimdesk.verdicts v WHERE v.topic_key = NEW.topic_key) INTO v_has_verdicts;
    IF v_has_verdicts AND NEW.verdict IS NULL THEN
        RAISE EXCEPTION '% needs a verdict', v_ref
            USING ERRCODE = 'not_null_violation',
                  HINT = 'Give --verdict with one of: ' || (SELECT string_agg(key, ', ' ORDER BY position, key)
                         FROM claimdesk.verdicts WHERE topic_key = NEW.topic_key) || '.';
    END IF;
    IF NOT v_has_verdicts AND NEW.verdict IS NOT NULL THEN
        RAISE EXCEPTION 'topic % has no verdicts, so % takes none', NEW.topic_key, v_ref
            USING ERRCODE = 'check_violation', HINT = 'Omit --verdict for this topic.';
    END IF;

    IF TG_OP = 'UPDATE' AND NEW.state <> OLD.state AND NEW.state IN ('published', 'retracted') THEN
        -- Publishers queue here until commit, so sequence order is commit order and an export that has seen
        -- number N has seen every number below it: that is what makes incremental exports exact.
        LOCK TABLE claimdesk.publications IN SHARE ROW EXCLUSIVE MODE;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.state = 'published' AND OLD.state = 'reviewed' THEN
        IF NOT EXISTS (SELECT 1 FROM claimdesk.citations c WHERE c.revision_id = NEW.id) THEN
            RAISE EXCEPTION 'revision % of % has no citation and cannot publish', NEW.number, v_ref
                USING ERRCODE = 'check_violation', HINT = 'Add one with claimdesk cite, then have it reviewed again.';
        END IF;
        -- Taken last, after every check: a refused publish takes no number.
        NEW.publish_seq := claimdesk.take_publish_seq();
        NEW.published_at := now();
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.state <> OLD.state AND NEW.state IN ('superseded', 'discarded', 'retracted') THEN
        NEW.closed_at := coalesce(NEW.closed_at, clock_timestamp());
    END IF;
    NEW.updated_at := clock_timestamp();
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION claimdesk.revisions_publication() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.state = 'published' AND OLD.state = 'reviewed' THEN
        INSERT INTO claimdesk.publications (seq, kind, claim_id, revision_id, tool_slug, at)
        SELECT NEW.publish_seq, 'published', NEW.claim_id, NEW.id, c.tool_slug, NEW.published_at
        FROM claimdesk.claims c WHERE c.id = NEW.claim_id;
    ELSIF NEW.state = 'retracted' AND OLD.state = 'published' THEN
        INSERT INTO claimdesk.publications (seq, kind, claim_id, revision_id, tool_slug, note, at)
        SELECT claimdesk.take_publish_seq(), 'retracted', NEW.claim_id, NEW.id, c.tool_slug, NEW.note, NEW.closed_at
        FROM claimdesk.claims c WHERE c.id = NEW.claim_id;
    END IF;
    RETURN NULL;
END $$;

-- Publishes every named claim's reviewed revision, or none of them.
CREATE OR REPLACE FUNCTION claimdesk.publish(p_refs text[]) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
DECLARE
    v_ref text;
    v_refs text[];
    v_claim claimdesk.claims;
    v_claims bigint[] := '{}';
    v_open claimdesk.revisions;
    v_result jsonb := '[]'::jsonb;
BEGIN
    PERFORM claimdesk.require_role('reviewer', 'publish');
    IF coalesce(cardinality(p_refs), 0) = 0 THEN
        RAISE EXCEPTION 'nothing to publish: no claim named'
            USING ERRCODE = 'invalid_parameter_value', HINT = 'Name claims (claimdesk publish deepseek:training) or use --all-reviewed.';
    END IF;
    SELECT array_agg(DISTINCT r ORDER BY r) INTO v_refs FROM unnest(p_refs) r;
    FOREACH v_ref IN ARRAY v_refs LOOP
        v_claim := claimdesk.resolve_claim(v_ref, false);
        v_claims := v_claims || v_claim.id;
    END LOOP;
    -- One global order for every publisher and retractor: the publication log, then the claims by id.
    LOCK TABLE claimdesk.publications IN SHARE ROW EXCLUSIVE MODE;
    PERFORM 1 FROM claimdesk.claims WHERE id = ANY (v_claims) ORDER BY id FOR NO KEY UPDATE;
    FOREACH v_ref IN ARRAY v_refs LOOP
        v_claim := claimdesk.resolve_claim(v_ref, false);
        v_open := claimdesk.open_revision(v_claim.id);
        IF v_open.id IS NULL THEN
            RAISE EXCEPTION '% has no reviewed revision to publish', v_ref
                USING ERRCODE = 'no_data_found', HINT = 'See claimdesk review queue; nothing was published.';
        END IF;
        IF v_open.state <> 'reviewed' THEN
            RAISE EXCEPTION 'revision % of % is a draft and cannot publish', v_open.number, v_ref
                USING ERRCODE = 'object_not_in_prerequisite_state',
                      HINT = format('A reviewer must approve it first (claimdesk review approve %s); nothing was published.', v_ref);
        END IF;
        IF NOT EXISTS (SELECT 1 FROM claimdesk.citations c WHERE c.revision_id = v_open.id) THEN
            RAISE EXCEPTION 'revision % of % has no citation and cannot publish', v_open.number, v_ref
                USING ERRCODE = 'check_violation', HINT = 'Add one with claimdesk cite, then have it reviewed again; nothing was published.';
        END IF;
    END LOOP;
    FOREACH v_ref IN ARRAY v_refs LOOP
        v_claim := claimdesk.resolve_claim(v_ref, false);
        v_open := claimdesk.open_revision(v_claim.id);
        UPDATE claimdesk.revisions SET state = 'superseded'
        WHERE claim_id = v_claim.id AND state = 'published';
        UPDATE claimdesk.revisions SET state = 'published' WHERE id = v_open.id;
        v_result := v_result || jsonb_build_array(claimdesk.revision_json(v_open.id));
    END LOOP;
    RETURN v_result;
END $$;

CREATE OR REPLACE FUNCTION claimdesk.retract(p_ref text, p_note text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
DECLARE
    v_claim claimdesk.claims;
    v_live claimdesk.revisions;
BEGIN
    PERFORM claimdesk.require_role('reviewer', 'retract claims');
    IF NOT claimdesk.is_text(coalesce(p_note, ''), 5000) THEN
        RAISE EXCEPTION '%: a retraction needs a note', p_ref
            USING ERRCODE = 'invalid_parameter_value', HINT = 'Say why with --note; readers of the change feed see it.';
    END IF;
    v_claim := claimdesk.resolve_claim(p_ref, false);
    LOCK TABLE claimdesk.publications IN SHARE ROW EXCLUSIVE MODE;
    v_live := claimdesk.live_revision(v_claim.id);
    IF v_live.id IS NULL THEN
        RAISE EXCEPTION '% is not live, so there is nothing to retract', p_ref
            USING ERRCODE = 'no_data_found', HINT = format('See claimdesk claim history %s.', p_ref);
    END IF;
    UPDATE claimdesk.revisions SET state = 'retracted', note = p_note WHERE id = v_live.id;
    RETURN claimdesk.revision_json(v_live.id);
END $$;

-- The publish sequence as readers see it (the highest number ever taken; 0 before the first publish).
CREATE FUNCTION claimdesk.last_publish_seq() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
    SELECT last_seq FROM claimdesk.publish_counter
$$;

-- The old sequence is no longer used: nobody may advance it.
REVOKE ALL ON SEQUENCE claimdesk.publish_seq FROM claimdesk_editor, claimdesk_reviewer, claimdesk_admin, claimdesk_exporter;

------------------------------------------------------------------------------------------------------------------
-- Less surface: no ClaimDesk login needs large objects or to create objects in the public schema. (Only a
-- superuser migrating can revoke these; on managed servers the docs say how.)
------------------------------------------------------------------------------------------------------------------
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND rolsuper) THEN
        REVOKE EXECUTE ON FUNCTION pg_catalog.lo_create(oid), pg_catalog.lo_creat(integer),
            pg_catalog.lo_from_bytea(oid, bytea), pg_catalog.lo_import(text), pg_catalog.lo_import(text, oid)
            FROM PUBLIC;
        REVOKE CREATE ON SCHEMA public FROM PUBLIC;
    END IF;
    -- No ClaimDesk role needs temporary objects (the usual vehicle of leaky-function tricks).
    IF has_database_privilege(current_user, current_database(), 'TEMPORARY WITH GRANT OPTION') THEN
        EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    END IF;
END $$;

REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA claimdesk FROM PUBLIC;
GRANT EXECUTE ON FUNCTION claimdesk.holds(text), claimdesk.my_roles(), claimdesk.last_publish_seq()
    TO claimdesk_editor, claimdesk_reviewer, claimdesk_admin, claimdesk_exporter, claimdesk_notifier, claimdesk_watcher;
GRANT EXECUTE ON FUNCTION claimdesk.approve(text, text, bigint, int)
    TO claimdesk_editor, claimdesk_reviewer, claimdesk_admin;
