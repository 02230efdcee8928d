-- Workflow functions: the only way to write. Each call is one transaction and one round trip;
-- each checks who is calling (session_user), so a direct SQL session gets exactly what the CLI gets.

CREATE FUNCTION claimdesk.require_role(p_role text, p_action text) RETURNS void
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_roles text[] := string_to_array(p_role, '|');
    r text;
BEGIN
    FOREACH r IN ARRAY v_roles LOOP
        IF pg_has_role(session_user, 'claimdesk_' || r, 'MEMBER') THEN
            RETURN;
        END IF;
    END LOOP;
    RAISE EXCEPTION '% may not %: that needs the % role', session_user, p_action, replace(p_role, '|', ' or ')
        USING ERRCODE = 'insufficient_privilege',
              HINT = format('Ask an admin to run: claimdesk user add %s --role %s', session_user, v_roles[1]);
END $$;

-- Resolves "tool[/tier]:topic" to its claim, creating the claim row when asked to.
CREATE FUNCTION claimdesk.resolve_claim(p_ref text, p_create boolean) RETURNS claimdesk.claims
LANGUAGE plpgsql AS $$
DECLARE
    m text[];
    v_claim claimdesk.claims;
BEGIN
    m := regexp_match(coalesce(p_ref, ''), '^([a-z0-9][a-z0-9-]*)(?:/([a-z0-9][a-z0-9-]*))?:([a-z0-9][a-z0-9_-]*)$');
    IF m IS NULL THEN
        RAISE EXCEPTION '"%" is not a claim reference', p_ref
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Write TOOL:TOPIC or TOOL/TIER:TOPIC, e.g. deepseek:training or deepseek/consumer:training.';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM claimdesk.tools WHERE slug = m[1]) THEN
        RAISE EXCEPTION '%: unknown tool "%"', p_ref, m[1]
            USING ERRCODE = 'no_data_found', HINT = 'See claimdesk tool list; an admin adds tools with claimdesk tool add.';
    END IF;
    IF m[2] IS NOT NULL AND NOT EXISTS (SELECT 1 FROM claimdesk.tiers WHERE tool_slug = m[1] AND slug = m[2]) THEN
        RAISE EXCEPTION '%: unknown plan tier "%/%"', p_ref, m[1], m[2]
            USING ERRCODE = 'no_data_found',
                  HINT = format('See claimdesk tool show %s; an admin adds tiers with claimdesk tier add.', m[1]);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM claimdesk.topics WHERE key = m[3]) THEN
        RAISE EXCEPTION '%: unknown topic "%"', p_ref, m[3]
            USING ERRCODE = 'no_data_found',
                  HINT = 'Known topics: ' || (SELECT string_agg(key, ', ' ORDER BY position) FROM claimdesk.topics) || '.';
    END IF;
    SELECT * INTO v_claim FROM claimdesk.claims
    WHERE tool_slug = m[1] AND tier_slug IS NOT DISTINCT FROM m[2] AND topic_key = m[3];
    IF NOT FOUND THEN
        IF NOT p_create THEN
            RAISE EXCEPTION '% has no revisions yet', p_ref
                USING ERRCODE = 'no_data_found', HINT = format('Start one with claimdesk claim draft %s.', p_ref);
        END IF;
        INSERT INTO claimdesk.claims (tool_slug, tier_slug, topic_key) VALUES (m[1], m[2], m[3])
        ON CONFLICT DO NOTHING;
        SELECT * INTO v_claim FROM claimdesk.claims
        WHERE tool_slug = m[1] AND tier_slug IS NOT DISTINCT FROM m[2] AND topic_key = m[3];
    END IF;
    RETURN v_claim;
END $$;

CREATE FUNCTION claimdesk.check_verdict(p_ref text, p_topic text, p_verdict text) RETURNS void
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF p_verdict IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM claimdesk.verdicts WHERE topic_key = p_topic AND key = p_verdict) THEN
        IF NOT EXISTS (SELECT 1 FROM claimdesk.verdicts WHERE topic_key = p_topic) THEN
            RAISE EXCEPTION '%: topic % has no verdicts, so "%" is not allowed', p_ref, p_topic, p_verdict
                USING ERRCODE = 'check_violation', HINT = 'Omit --verdict for this topic.';
        END IF;
        RAISE EXCEPTION '%: "%" is not a verdict of topic %', p_ref, p_verdict, p_topic
            USING ERRCODE = 'check_violation',
                  HINT = 'Expected one of: ' || (SELECT string_agg(key, ', ' ORDER BY position, key)
                          FROM claimdesk.verdicts WHERE topic_key = p_topic) || '.';
    END IF;
END $$;

-- The revision as JSON, with its citations: what every workflow function returns.
CREATE FUNCTION claimdesk.revision_json(p_id bigint) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'id', r.id, 'ref', claimdesk.ref_of(r.claim_id), 'number', r.number, 'version', r.version,
        'state', r.state, 'verdict', r.verdict, 'headline', r.headline, 'body', r.body,
        'confidence', r.confidence, 'verified_on', r.verified_on, 'verified_by', r.verified_by,
        'author', r.author, 'editors', to_jsonb(r.editors), 'reviewer', r.reviewer, 'note', r.note,
        'changes_requested', r.changes_requested, 'based_on', r.based_on,
        'created_at', r.created_at, 'updated_at', r.updated_at, 'reviewed_at', r.reviewed_at,
        'published_at', r.published_at, 'publish_seq', r.publish_seq, 'closed_at', r.closed_at,
        'citations', coalesce((
            SELECT jsonb_agg(jsonb_build_object('url', c.url, 'supports', c.supports, 'dated', c.dated,
                                                'title', c.title, 'archived_url', c.archived_url)
                             ORDER BY c.position, c.id)
            FROM claimdesk.citations c WHERE c.revision_id = r.id), '[]'::jsonb))
    FROM claimdesk.revisions r WHERE r.id = p_id
$$;

CREATE FUNCTION claimdesk.open_revision(p_claim_id bigint) RETURNS claimdesk.revisions
LANGUAGE sql AS $$
    SELECT * FROM claimdesk.revisions WHERE claim_id = p_claim_id AND state IN ('draft', 'reviewed') FOR UPDATE
$$;

CREATE FUNCTION claimdesk.live_revision(p_claim_id bigint) RETURNS claimdesk.revisions
LANGUAGE sql AS $$
    SELECT * FROM claimdesk.revisions WHERE claim_id = p_claim_id AND state = 'published' FOR UPDATE
$$;

-- Copies a revision (content and citations) into a new draft by the caller.
CREATE FUNCTION claimdesk.copy_to_draft(p_from claimdesk.revisions) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_id bigint;
BEGIN
    INSERT INTO claimdesk.revisions (claim_id, topic_key, number, verdict, headline, body, confidence,
                                     verified_on, verified_by, author, editors, based_on)
    VALUES (p_from.claim_id, p_from.topic_key,
            (SELECT max(number) + 1 FROM claimdesk.revisions WHERE claim_id = p_from.claim_id),
            p_from.verdict, p_from.headline, p_from.body, p_from.confidence, p_from.verified_on,
            p_from.verified_by, session_user, ARRAY[session_user::text], p_from.id)
    RETURNING id INTO v_id;
    -- The copied citations are not new citing: the 'drafted' audit row already says where they came from.
    PERFORM set_config('claimdesk.copying_citations', 'on', true);
    INSERT INTO claimdesk.citations (revision_id, position, url, supports, dated, title, archived_url)
    SELECT v_id, position, url, supports, dated, title, archived_url
    FROM claimdesk.citations WHERE revision_id = p_from.id;
    PERFORM set_config('claimdesk.copying_citations', 'off', true);
    RETURN v_id;
END $$;

-- The draft an edit applies to: the open draft, or a new one copied from the reviewed or live revision.
-- p_base_id/p_base_version (optional) name the revision the editor started from; a stale base is refused.
CREATE FUNCTION claimdesk.editable_draft(p_ref text, p_base_id bigint, p_base_version int)
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
    IF p_base_id IS NOT NULL AND (v_current.id <> p_base_id OR v_current.version <> coalesce(p_base_version, v_current.version)) THEN
        RAISE EXCEPTION '% changed while you were editing: it is now revision % (%), last changed by % at %',
            p_ref, v_current.number, v_current.state,
            coalesce((SELECT actor FROM claimdesk.audit_log WHERE revision_id = v_current.id ORDER BY id DESC LIMIT 1),
                     v_current.author),
            to_char(v_current.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"')
            USING ERRCODE = 'serialization_failure',
                  DETAIL = format('You started from revision id %s version %s; it is now revision id %s version %s.',
                                  p_base_id, coalesce(p_base_version::text, '?'), v_current.id, v_current.version),
                  HINT = format('Look at claimdesk claim show %s and claim diff %s, then make your edit again.', p_ref, p_ref);
    END IF;
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

CREATE FUNCTION claimdesk.add_user(p_handle text, p_role text, p_display_name text DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
BEGIN
    PERFORM claimdesk.require_role('admin', 'add users');
    IF p_role NOT IN ('editor', 'reviewer', 'admin', 'exporter') THEN
        RAISE EXCEPTION 'role "%" does not exist', p_role
            USING ERRCODE = 'invalid_parameter_value', HINT = 'Use one of: editor, reviewer, admin, exporter.';
    END IF;
    IF p_handle !~ '^[a-z_][a-z0-9_.-]{0,62}$' THEN
        RAISE EXCEPTION 'user handle "%" is not allowed', p_handle
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Use lowercase letters, digits, ".", "-" or "_", starting with a letter, at most 63 characters.';
    END IF;
    IF p_handle LIKE 'pg\_%' OR p_handle LIKE 'claimdesk\_%' THEN
        RAISE EXCEPTION 'user handle "%" is reserved', p_handle
            USING ERRCODE = 'invalid_parameter_value', HINT = 'Pick a handle that does not start with pg_ or claimdesk_.';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_handle) THEN
        EXECUTE format('CREATE ROLE %I LOGIN', p_handle);
    END IF;
    EXECUTE format('GRANT %I TO %I', 'claimdesk_' || p_role, p_handle);
    INSERT INTO claimdesk.people (handle, display_name) VALUES (p_handle, p_display_name)
    ON CONFLICT (handle) DO UPDATE SET display_name = coalesce(EXCLUDED.display_name, people.display_name);
    INSERT INTO claimdesk.audit_log (action, note, details)
    VALUES ('user_added', p_handle, jsonb_build_object('handle', p_handle, 'role', p_role, 'name', p_display_name));
    RETURN jsonb_build_object('handle', p_handle, 'role', p_role, 'name', p_display_name);
END $$;

CREATE FUNCTION claimdesk.add_tool(p_slug text, p_name text, p_category text, p_url text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
BEGIN
    PERFORM claimdesk.require_role('admin', 'add tools');
    IF NOT claimdesk.is_slug(coalesce(p_slug, '')) THEN
        RAISE EXCEPTION 'tool slug "%" is not allowed', p_slug
            USING ERRCODE = 'invalid_parameter_value', HINT = 'Use lowercase letters, digits and inner hyphens, 1-64 characters.';
    END IF;
    IF NOT claimdesk.is_http_url(coalesce(p_url, '')) THEN
        RAISE EXCEPTION 'tool %: "%" is not an http(s) URL', p_slug, p_url
            USING ERRCODE = 'check_violation', HINT = 'Give the full http:// or https:// address of the official site.';
    END IF;
    IF EXISTS (SELECT 1 FROM claimdesk.tools WHERE slug = p_slug) THEN
        RAISE EXCEPTION 'tool % already exists', p_slug
            USING ERRCODE = 'unique_violation', HINT = 'Pick another slug, or see claimdesk tool show ' || p_slug || '.';
    END IF;
    INSERT INTO claimdesk.tools (slug, name, category, official_url) VALUES (p_slug, p_name, p_category, p_url);
    INSERT INTO claimdesk.audit_log (action, tool_slug, details)
    VALUES ('tool_added', p_slug, jsonb_build_object('name', p_name, 'category', p_category, 'url', p_url));
    RETURN jsonb_build_object('slug', p_slug, 'name', p_name, 'category', p_category, 'url', p_url);
END $$;

CREATE FUNCTION claimdesk.add_tier(p_tool text, p_slug text, p_name text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
BEGIN
    PERFORM claimdesk.require_role('admin', 'add plan tiers');
    IF NOT EXISTS (SELECT 1 FROM claimdesk.tools WHERE slug = p_tool) THEN
        RAISE EXCEPTION '%/%: unknown tool "%"', p_tool, p_slug, p_tool
            USING ERRCODE = 'no_data_found', HINT = 'See claimdesk tool list; add it with claimdesk tool add.';
    END IF;
    IF NOT claimdesk.is_slug(coalesce(p_slug, '')) THEN
        RAISE EXCEPTION 'tier slug "%" is not allowed', p_slug
            USING ERRCODE = 'invalid_parameter_value', HINT = 'Use lowercase letters, digits and inner hyphens, 1-64 characters.';
    END IF;
    IF EXISTS (SELECT 1 FROM claimdesk.tiers WHERE tool_slug = p_tool AND slug = p_slug) THEN
        RAISE EXCEPTION 'plan tier %/% already exists', p_tool, p_slug
            USING ERRCODE = 'unique_violation', HINT = 'See claimdesk tool show ' || p_tool || '.';
    END IF;
    INSERT INTO claimdesk.tiers (tool_slug, slug, name, position)
    VALUES (p_tool, p_slug, p_name, (SELECT coalesce(max(position), 0) + 1 FROM claimdesk.tiers WHERE tool_slug = p_tool));
    INSERT INTO claimdesk.audit_log (action, tool_slug, details)
    VALUES ('tier_added', p_tool, jsonb_build_object('tier', p_slug, 'name', p_name));
    RETURN jsonb_build_object('tool', p_tool, 'slug', p_slug, 'name', p_name);
END $$;

CREATE FUNCTION claimdesk.draft_claim(p_ref text, p_verdict text, p_headline text, p_body text, p_confidence text,
                                      p_verified_on date, p_verified_by text DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
DECLARE
    v_claim claimdesk.claims;
    v_open claimdesk.revisions;
    v_live claimdesk.revisions;
    v_id bigint;
BEGIN
    PERFORM claimdesk.require_role('editor|admin', 'draft claims');
    v_claim := claimdesk.resolve_claim(p_ref, true);
    PERFORM claimdesk.check_verdict(p_ref, v_claim.topic_key, p_verdict);
    v_open := claimdesk.open_revision(v_claim.id);
    IF v_open.id IS NOT NULL THEN
        RAISE EXCEPTION '% already has an open revision (% %, by %)', p_ref, v_open.number, v_open.state, v_open.author
            USING ERRCODE = 'unique_violation',
                  HINT = format('Change it with claimdesk claim edit %s, or drop it with claimdesk claim discard %s.', p_ref, p_ref);
    END IF;
    v_live := claimdesk.live_revision(v_claim.id);
    INSERT INTO claimdesk.revisions (claim_id, topic_key, number, verdict, headline, body, confidence, verified_on,
                                     verified_by, author, editors, based_on)
    VALUES (v_claim.id, v_claim.topic_key,
            coalesce((SELECT max(number) FROM claimdesk.revisions WHERE claim_id = v_claim.id), 0) + 1,
            p_verdict, p_headline, coalesce(p_body, ''), p_confidence, p_verified_on,
            coalesce(p_verified_by, session_user), session_user, ARRAY[session_user::text], v_live.id)
    RETURNING id INTO v_id;
    RETURN claimdesk.revision_json(v_id);
END $$;

CREATE FUNCTION claimdesk.edit_claim(p_ref text, p_verdict text DEFAULT NULL, p_headline text DEFAULT NULL,
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
    v_current := claimdesk.open_revision(v_claim.id);
    IF v_current.id IS NULL THEN
        v_current := claimdesk.live_revision(v_claim.id);
    END IF;
    IF v_current.id IS NOT NULL AND p_base_id IS NULL
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

CREATE FUNCTION claimdesk.cite(p_ref text, p_url text, p_supports text, p_dated date, p_title text DEFAULT NULL,
                               p_archived_url text DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
DECLARE
    v_draft claimdesk.revisions;
    v_existing claimdesk.citations;
BEGIN
    PERFORM claimdesk.require_role('editor|admin', 'cite sources');
    IF NOT claimdesk.is_http_url(coalesce(p_url, '')) THEN
        RAISE EXCEPTION '%: "%" is not an http(s) URL', p_ref, p_url
            USING ERRCODE = 'check_violation', HINT = 'Cite a full http:// or https:// address.';
    END IF;
    IF p_archived_url IS NOT NULL AND NOT claimdesk.is_http_url(p_archived_url) THEN
        RAISE EXCEPTION '%: archived copy "%" is not an http(s) URL', p_ref, p_archived_url
            USING ERRCODE = 'check_violation', HINT = 'Give a full http:// or https:// address, or leave it out.';
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

CREATE FUNCTION claimdesk.uncite(p_ref text, p_url text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
DECLARE
    v_claim claimdesk.claims;
    v_current claimdesk.revisions;
    v_draft claimdesk.revisions;
BEGIN
    PERFORM claimdesk.require_role('editor|admin', 'remove citations');
    v_claim := claimdesk.resolve_claim(p_ref, false);
    v_current := claimdesk.open_revision(v_claim.id);
    IF v_current.id IS NULL THEN
        v_current := claimdesk.live_revision(v_claim.id);
    END IF;
    IF v_current.id IS NULL OR NOT EXISTS (
        SELECT 1 FROM claimdesk.citations WHERE revision_id = v_current.id AND url = p_url) THEN
        RAISE EXCEPTION '% does not cite %', p_ref, p_url
            USING ERRCODE = 'no_data_found', HINT = format('See its citations with claimdesk claim show %s.', p_ref);
    END IF;
    v_draft := claimdesk.editable_draft(p_ref, NULL, NULL);
    DELETE FROM claimdesk.citations WHERE revision_id = v_draft.id AND url = p_url;
    UPDATE claimdesk.revisions SET version = version + 1, changes_requested = false,
        editors = CASE WHEN session_user = ANY (editors) THEN editors ELSE editors || session_user::text END
    WHERE id = v_draft.id;
    RETURN claimdesk.revision_json(v_draft.id);
END $$;

CREATE FUNCTION claimdesk.discard_claim(p_ref text, p_note text DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
DECLARE
    v_claim claimdesk.claims;
    v_open claimdesk.revisions;
BEGIN
    PERFORM claimdesk.require_role('editor|admin', 'discard revisions');
    v_claim := claimdesk.resolve_claim(p_ref, false);
    v_open := claimdesk.open_revision(v_claim.id);
    IF v_open.id IS NULL THEN
        RAISE EXCEPTION '% has no open revision to discard', p_ref
            USING ERRCODE = 'no_data_found', HINT = 'Only drafts and reviewed revisions can be discarded; live ones are retracted.';
    END IF;
    UPDATE claimdesk.revisions SET state = 'discarded', note = coalesce(p_note, 'discarded by ' || session_user)
    WHERE id = v_open.id;
    RETURN claimdesk.revision_json(v_open.id);
END $$;

CREATE FUNCTION claimdesk.approve(p_ref text, p_note text DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
DECLARE
    v_claim claimdesk.claims;
    v_open claimdesk.revisions;
BEGIN
    PERFORM claimdesk.require_role('reviewer', 'approve revisions');
    v_claim := claimdesk.resolve_claim(p_ref, false);
    v_open := claimdesk.open_revision(v_claim.id);
    IF v_open.id IS NULL THEN
        RAISE EXCEPTION '% has no open revision to approve', p_ref
            USING ERRCODE = 'no_data_found', HINT = 'See what awaits review with claimdesk review queue.';
    END IF;
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

CREATE FUNCTION claimdesk.reject(p_ref text, p_note text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
DECLARE
    v_claim claimdesk.claims;
    v_open claimdesk.revisions;
BEGIN
    PERFORM claimdesk.require_role('reviewer', 'send back revisions');
    IF NOT claimdesk.is_text(coalesce(p_note, ''), 5000) THEN
        RAISE EXCEPTION '%: sending back needs a note', p_ref
            USING ERRCODE = 'invalid_parameter_value', HINT = 'Say what must change with --note.';
    END IF;
    v_claim := claimdesk.resolve_claim(p_ref, false);
    v_open := claimdesk.open_revision(v_claim.id);
    IF v_open.id IS NULL THEN
        RAISE EXCEPTION '% has no open revision to send back', p_ref
            USING ERRCODE = 'no_data_found', HINT = 'See what awaits review with claimdesk review queue.';
    END IF;
    UPDATE claimdesk.revisions SET state = 'draft', reviewer = NULL, reviewed_at = NULL, note = p_note,
        changes_requested = true
    WHERE id = v_open.id;
    RETURN claimdesk.revision_json(v_open.id);
END $$;

-- Publishes every named claim's reviewed revision, or none of them.
CREATE FUNCTION claimdesk.publish(p_refs text[]) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
DECLARE
    v_ref text;
    v_claim claimdesk.claims;
    v_open claimdesk.revisions;
    v_result jsonb := '[]'::jsonb;
BEGIN
    PERFORM claimdesk.require_role('reviewer', 'publish');
    IF coalesce(cardinality(p_refs), 0) = 0 THEN
        RAISE EXCEPTION 'nothing to publish: no claim named'
            USING ERRCODE = 'invalid_parameter_value', HINT = 'Name claims (claimdesk publish deepseek:training) or use --all-reviewed.';
    END IF;
    FOR v_ref IN SELECT DISTINCT unnest(p_refs) ORDER BY 1 LOOP
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
        UPDATE claimdesk.revisions SET state = 'superseded'
        WHERE claim_id = v_claim.id AND state = 'published';
        UPDATE claimdesk.revisions SET state = 'published' WHERE id = v_open.id;
        v_result := v_result || jsonb_build_array(claimdesk.revision_json(v_open.id));
    END LOOP;
    RETURN v_result;
END $$;

CREATE FUNCTION claimdesk.publish_all_reviewed() RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
DECLARE
    v_refs text[];
BEGIN
    PERFORM claimdesk.require_role('reviewer', 'publish');
    SELECT array_agg(claimdesk.ref_of(claim_id)) INTO v_refs FROM claimdesk.revisions WHERE state = 'reviewed';
    IF v_refs IS NULL THEN
        RETURN '[]'::jsonb;
    END IF;
    RETURN claimdesk.publish(v_refs);
END $$;

CREATE FUNCTION claimdesk.retract(p_ref text, p_note text) RETURNS jsonb
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
    v_live := claimdesk.live_revision(v_claim.id);
    IF v_live.id IS NULL THEN
        RAISE EXCEPTION '% is not live, so there is nothing to retract', p_ref
            USING ERRCODE = 'no_data_found', HINT = format('See claimdesk claim history %s.', p_ref);
    END IF;
    UPDATE claimdesk.revisions SET state = 'retracted', note = p_note WHERE id = v_live.id;
    RETURN claimdesk.revision_json(v_live.id);
END $$;
