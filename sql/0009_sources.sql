-- Citation quotes and the source watch (issue 10). A citation may carry the exact sentence(s) of the source that
-- support the claim. The watcher (claimdesk_watcher) fetches every cited URL and records what it found: snapshots
-- of the text (append-only, the archive of what each source said) and one check row per fetch. A citation's source
-- state is computed from those rows, never stored by hand, so no role can forge one; only the watcher can add rows.

------------------------------------------------------------------------------------------------------------------
-- Quotes.
------------------------------------------------------------------------------------------------------------------
ALTER TABLE claimdesk.citations ADD COLUMN quote text CHECK (quote IS NULL OR claimdesk.is_text(quote, 2000));

-- 0007's copy, now carrying the quote along with the other citation fields.
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
    INSERT INTO claimdesk.citations (revision_id, position, url, supports, dated, title, archived_url, quote)
    SELECT v_id, position, url, supports, dated, title, archived_url, quote
    FROM claimdesk.citations WHERE revision_id = p_from.id;
    DELETE FROM claimdesk.citation_copies WHERE xact = pg_current_xact_id() AND revision_id = v_id;
    RETURN v_id;
END $$;

CREATE OR REPLACE FUNCTION claimdesk.revision_json(p_id bigint) RETURNS jsonb
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
                                                'title', c.title, 'archived_url', c.archived_url, 'quote', c.quote)
                             ORDER BY c.position, c.id)
            FROM claimdesk.citations c WHERE c.revision_id = r.id), '[]'::jsonb))
    FROM claimdesk.revisions r WHERE r.id = p_id
$$;

-- Citing a URL the revision already cites updates only the fields given (NULL keeps what is there), unless
-- p_replace says the given fields are the whole citation (import: what the file says, missing fields cleared).
-- Otherwise 0007's behaviour: citing exactly what the current revision already says changes nothing; citations
-- copied into a new draft are announced through citation_copies; editors are carried across copied drafts.
DROP FUNCTION claimdesk.cite(text, text, text, date, text, text);
CREATE FUNCTION claimdesk.cite(p_ref text, p_url text, p_supports text DEFAULT NULL, p_dated date DEFAULT NULL,
                               p_title text DEFAULT NULL, p_archived_url text DEFAULT NULL,
                               p_quote text DEFAULT NULL, p_replace boolean DEFAULT false) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
DECLARE
    v_claim claimdesk.claims;
    v_current claimdesk.revisions;
    v_draft claimdesk.revisions;
    v_existing claimdesk.citations;
    v_supports text := p_supports;
    v_dated date := p_dated;
    v_title text := p_title;
    v_archived text := p_archived_url;
    v_quote text := p_quote;
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
    IF v_current.id IS NOT NULL THEN
        SELECT * INTO v_existing FROM claimdesk.citations WHERE revision_id = v_current.id AND url = p_url;
    END IF;
    IF v_existing.id IS NOT NULL AND NOT coalesce(p_replace, false) THEN
        v_supports := coalesce(p_supports, v_existing.supports);
        v_dated := coalesce(p_dated, v_existing.dated);
        v_title := coalesce(p_title, v_existing.title);
        v_archived := coalesce(p_archived_url, v_existing.archived_url);
        v_quote := coalesce(p_quote, v_existing.quote);
    END IF;
    IF v_supports IS NULL OR v_dated IS NULL THEN
        RAISE EXCEPTION '%: a new citation of "%" needs what it supports and its date', p_ref, left(p_url, 200)
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Give --supports TEXT and --dated YYYY-MM-DD; they may be left out only when updating a URL already cited.';
    END IF;
    IF v_existing.id IS NOT NULL
       AND (v_existing.supports, v_existing.dated, v_existing.title, v_existing.archived_url, v_existing.quote)
           IS NOT DISTINCT FROM (v_supports, v_dated, v_title, v_archived, v_quote) THEN
        RETURN claimdesk.revision_json(v_current.id) || jsonb_build_object('unchanged', true);
    END IF;
    v_draft := claimdesk.editable_draft(p_ref, NULL, NULL);
    SELECT * INTO v_existing FROM claimdesk.citations WHERE revision_id = v_draft.id AND url = p_url;
    IF v_existing.id IS NOT NULL THEN
        IF (v_existing.supports, v_existing.dated, v_existing.title, v_existing.archived_url, v_existing.quote)
           IS DISTINCT FROM (v_supports, v_dated, v_title, v_archived, v_quote) THEN
            UPDATE claimdesk.citations SET supports = v_supports, dated = v_dated, title = v_title,
                archived_url = v_archived, quote = v_quote WHERE id = v_existing.id;
        END IF;
    ELSE
        INSERT INTO claimdesk.citations (revision_id, position, url, supports, dated, title, archived_url, quote)
        VALUES (v_draft.id, (SELECT coalesce(max(position), 0) + 1 FROM claimdesk.citations WHERE revision_id = v_draft.id),
                p_url, v_supports, v_dated, v_title, v_archived, v_quote);
    END IF;
    UPDATE claimdesk.revisions SET version = version + 1, changes_requested = false,
        editors = CASE WHEN session_user = ANY (editors) THEN editors ELSE editors || session_user::text END
    WHERE id = v_draft.id;
    RETURN claimdesk.revision_json(v_draft.id);
END $$;

-- The exporter's view of live citations gains the quote (new columns go last).
CREATE OR REPLACE VIEW claimdesk.live_citations WITH (security_barrier) AS
SELECT ci.revision_id, ci.position, ci.url, ci.supports, ci.dated, ci.title, ci.archived_url, ci.quote
FROM claimdesk.citations ci
JOIN claimdesk.revisions r ON r.id = ci.revision_id AND r.state = 'published'
WHERE (SELECT claimdesk.holds('exporter|editor|reviewer|admin'));

------------------------------------------------------------------------------------------------------------------
-- The watch record: snapshots (what a source said) and checks (every fetch), both append-only. Only the watcher
-- writes them, through record_source_check; nobody has direct rights on these tables.
------------------------------------------------------------------------------------------------------------------
CREATE TABLE claimdesk.source_snapshots (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url text NOT NULL CHECK (claimdesk.is_http_url(url)),
    final_url text CHECK (final_url IS NULL OR length(final_url) <= 4096),
    fetched_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    http_status int NOT NULL CHECK (http_status BETWEEN 100 AND 599),
    content_type text CHECK (length(content_type) <= 200),
    etag text CHECK (length(etag) <= 500),
    last_modified text CHECK (length(last_modified) <= 100),
    -- SHA-256 of the normalised text (whitespace collapsed, copyright years and tracking parameters masked).
    sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    text text NOT NULL CHECK (length(text) <= 5000000),
    fetched_by text NOT NULL DEFAULT session_user
);
CREATE INDEX source_snapshots_url ON claimdesk.source_snapshots (url, id);

-- Watch numbers are taken from a counter row in the recording transaction, so they are in commit order: an export
-- that has seen check N has seen every check below it (incremental exports re-render what checks touched since).
CREATE TABLE claimdesk.watch_counter (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    last_seq bigint NOT NULL CHECK (last_seq >= 0)
);
INSERT INTO claimdesk.watch_counter (last_seq) VALUES (0);

CREATE TABLE claimdesk.source_checks (
    seq bigint PRIMARY KEY,
    url text NOT NULL CHECK (claimdesk.is_http_url(url)),
    checked_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    outcome text NOT NULL CHECK (outcome IN ('new_text', 'unchanged', 'not_modified', 'http_error', 'timeout',
                                             'network_error', 'too_many_redirects', 'too_large', 'not_comparable')),
    http_status int CHECK (http_status BETWEEN 100 AND 599),
    detail text CHECK (length(detail) <= 500),
    -- The snapshot that is current after this check (new, or the unchanged previous one).
    snapshot_id bigint REFERENCES claimdesk.source_snapshots (id),
    checked_by text NOT NULL DEFAULT session_user
);
CREATE INDEX source_checks_url ON claimdesk.source_checks (url, seq);

CREATE TRIGGER source_snapshots_append_only BEFORE UPDATE OR DELETE ON claimdesk.source_snapshots
    FOR EACH ROW EXECUTE FUNCTION claimdesk.append_only();
CREATE TRIGGER source_snapshots_no_truncate BEFORE TRUNCATE ON claimdesk.source_snapshots
    FOR EACH STATEMENT EXECUTE FUNCTION claimdesk.append_only();
CREATE TRIGGER source_checks_append_only BEFORE UPDATE OR DELETE ON claimdesk.source_checks
    FOR EACH ROW EXECUTE FUNCTION claimdesk.append_only();
CREATE TRIGGER source_checks_no_truncate BEFORE TRUNCATE ON claimdesk.source_checks
    FOR EACH STATEMENT EXECUTE FUNCTION claimdesk.append_only();
ALTER TABLE claimdesk.source_snapshots ENABLE ROW LEVEL SECURITY;
ALTER TABLE claimdesk.source_checks ENABLE ROW LEVEL SECURITY;
ALTER TABLE claimdesk.watch_counter ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON claimdesk.source_snapshots, claimdesk.source_checks, claimdesk.watch_counter
    FROM PUBLIC, claimdesk_editor, claimdesk_reviewer, claimdesk_admin, claimdesk_exporter;

-- Outcomes that count towards "unreachable": the source did not answer with a page.
CREATE FUNCTION claimdesk.is_source_failure(p_outcome text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT p_outcome IN ('http_error', 'timeout', 'network_error', 'too_many_redirects')
$$;

-- Text as quotes are compared: case, curly quotes and runs of whitespace do not matter.
CREATE FUNCTION claimdesk.quote_form(p_text text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT btrim(regexp_replace(lower(translate(p_text, E'\u2018\u2019\u201C\u201D\u00A0', E'''''""\u0020')),
                                '[[:space:]]+', ' ', 'g'))
$$;

-- A citation's source state, from the watch record alone:
--   unchecked     never fetched with a usable answer;
--   unreachable   the last two checks both failed (one blip is not an alarm);
--   quote_missing the quote is not in the latest text;
--   changed       the latest text differs from the text current on the verified-on day (or the first snapshot);
--   ok            otherwise.
CREATE FUNCTION claimdesk.source_state_of(p_url text, p_quote text, p_verified_on date,
                                          OUT state text, OUT checked_at timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
DECLARE
    v_failures int;
    v_checks int;
    v_latest claimdesk.source_snapshots;
    v_baseline text;
BEGIN
    SELECT count(*), count(*) FILTER (WHERE claimdesk.is_source_failure(x.outcome)), max(x.checked_at)
    INTO v_checks, v_failures, checked_at
    FROM (SELECT c.outcome, c.checked_at FROM claimdesk.source_checks c WHERE c.url = p_url
          ORDER BY c.seq DESC LIMIT 2) x;
    IF v_checks = 0 THEN
        state := 'unchecked';
        RETURN;
    END IF;
    IF v_checks = 2 AND v_failures = 2 THEN
        state := 'unreachable';
        RETURN;
    END IF;
    SELECT * INTO v_latest FROM claimdesk.source_snapshots s WHERE s.url = p_url ORDER BY s.id DESC LIMIT 1;
    IF v_latest.id IS NULL THEN
        state := 'unchecked';
        RETURN;
    END IF;
    IF p_quote IS NOT NULL
       AND position(claimdesk.quote_form(p_quote) IN claimdesk.quote_form(v_latest.text)) = 0 THEN
        state := 'quote_missing';
        RETURN;
    END IF;
    v_baseline := coalesce(
        (SELECT s.sha256 FROM claimdesk.source_snapshots s
         WHERE s.url = p_url AND (s.fetched_at AT TIME ZONE 'UTC')::date <= p_verified_on ORDER BY s.id DESC LIMIT 1),
        (SELECT s.sha256 FROM claimdesk.source_snapshots s WHERE s.url = p_url ORDER BY s.id LIMIT 1));
    state := CASE WHEN v_latest.sha256 <> v_baseline THEN 'changed' ELSE 'ok' END;
END $$;

-- The watch position as the exporter sees it (0 before the first check).
CREATE FUNCTION claimdesk.last_watch_seq() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
    SELECT last_seq FROM claimdesk.watch_counter
$$;

-- Which URLs were checked after watch number N: the exporter re-renders the tools that cite them live.
CREATE VIEW claimdesk.watch_log WITH (security_barrier) AS
SELECT seq, url FROM claimdesk.source_checks
WHERE (SELECT claimdesk.holds('exporter|editor|reviewer|admin'));

------------------------------------------------------------------------------------------------------------------
-- The watcher's calls.
------------------------------------------------------------------------------------------------------------------

-- The distinct URLs cited by a live or open revision (of one tool, or one URL), with the validators of their latest
-- snapshot for conditional requests.
CREATE FUNCTION claimdesk.source_targets(p_tool text DEFAULT NULL, p_url text DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
DECLARE
    v_result jsonb;
BEGIN
    PERFORM claimdesk.require_role('watcher', 'check sources');
    IF p_tool IS NOT NULL AND NOT EXISTS (SELECT 1 FROM claimdesk.tools WHERE slug = p_tool) THEN
        RAISE EXCEPTION 'unknown tool "%"', left(p_tool, 70)
            USING ERRCODE = 'no_data_found', HINT = 'See claimdesk tool list.';
    END IF;
    SELECT coalesce(jsonb_agg(jsonb_build_object('url', u.url, 'etag', s.etag, 'last_modified', s.last_modified)
                              ORDER BY u.url), '[]')
    INTO v_result
    FROM (SELECT DISTINCT ci.url FROM claimdesk.citations ci
          JOIN claimdesk.revisions r ON r.id = ci.revision_id AND r.state IN ('draft', 'reviewed', 'published')
          JOIN claimdesk.claims c ON c.id = r.claim_id
          WHERE (p_tool IS NULL OR c.tool_slug = p_tool) AND (p_url IS NULL OR ci.url = p_url)) u
    LEFT JOIN LATERAL (SELECT x.etag, x.last_modified FROM claimdesk.source_snapshots x WHERE x.url = u.url
                       ORDER BY x.id DESC LIMIT 1) s ON true;
    IF p_url IS NOT NULL AND v_result = '[]'::jsonb THEN
        RAISE EXCEPTION 'no live or open revision cites "%"%', left(p_url, 200),
            CASE WHEN p_tool IS NULL THEN '' ELSE format(' on %s', p_tool) END
            USING ERRCODE = 'no_data_found', HINT = 'See claimdesk sources status for the cited URLs.';
    END IF;
    RETURN v_result;
END $$;

-- Two checks of one URL never run at once: a run takes this session lock for the length of its fetch and a second
-- run skips the URL. The lock goes with the session, so a crashed run holds nothing.
CREATE FUNCTION claimdesk.source_try_lock(p_url text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
BEGIN
    PERFORM claimdesk.require_role('watcher', 'check sources');
    RETURN pg_try_advisory_lock(hashtext('claimdesk.source_check'), hashtext(p_url));
END $$;

CREATE FUNCTION claimdesk.source_unlock(p_url text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
BEGIN
    PERFORM claimdesk.require_role('watcher', 'check sources');
    RETURN pg_advisory_unlock(hashtext('claimdesk.source_check'), hashtext(p_url));
END $$;

-- The states of the citations of a URL in live and open revisions, counted by state.
CREATE FUNCTION claimdesk.source_state_counts(p_url text) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
    SELECT coalesce(jsonb_object_agg(x.state, x.n), '{}') FROM (
        SELECT s.state, count(*) AS n
        FROM claimdesk.citations ci
        JOIN claimdesk.revisions r ON r.id = ci.revision_id AND r.state IN ('draft', 'reviewed', 'published')
        CROSS JOIN LATERAL claimdesk.source_state_of(ci.url, ci.quote, r.verified_on) s
        WHERE ci.url = p_url GROUP BY s.state) x
$$;

-- Records one check of a URL: a snapshot when the normalised text is new, and the check itself with the next watch
-- number. Returns the outcome as recorded and the resulting states of the URL's citations.
CREATE FUNCTION claimdesk.record_source_check(p_url text, p_outcome text, p_http_status int DEFAULT NULL,
                                              p_final_url text DEFAULT NULL, p_content_type text DEFAULT NULL,
                                              p_etag text DEFAULT NULL, p_last_modified text DEFAULT NULL,
                                              p_sha256 text DEFAULT NULL, p_text text DEFAULT NULL,
                                              p_detail text DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
DECLARE
    v_outcome text := p_outcome;
    v_latest claimdesk.source_snapshots;
    v_snapshot bigint;
    v_seq bigint;
BEGIN
    PERFORM claimdesk.require_role('watcher', 'record source checks');
    IF NOT EXISTS (SELECT 1 FROM claimdesk.citations ci
                   JOIN claimdesk.revisions r ON r.id = ci.revision_id
                   WHERE ci.url = p_url AND r.state IN ('draft', 'reviewed', 'published')) THEN
        RAISE EXCEPTION 'no live or open revision cites "%"', left(p_url, 200)
            USING ERRCODE = 'no_data_found', HINT = 'Only cited URLs are checked; see claimdesk sources status.';
    END IF;
    IF p_outcome IS NULL OR p_outcome NOT IN ('new_text', 'not_modified', 'http_error', 'timeout', 'network_error',
                                              'too_many_redirects', 'too_large', 'not_comparable') THEN
        RAISE EXCEPTION 'unknown check outcome "%"', left(p_outcome, 40) USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF (p_outcome = 'new_text') <> (p_text IS NOT NULL AND p_sha256 IS NOT NULL) THEN
        RAISE EXCEPTION 'a check with new text must give the text and its SHA-256, and no other check may'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT * INTO v_latest FROM claimdesk.source_snapshots WHERE url = p_url ORDER BY id DESC LIMIT 1;
    v_snapshot := v_latest.id;
    IF p_outcome = 'new_text' THEN
        IF v_latest.id IS NOT NULL AND v_latest.sha256 = p_sha256 THEN
            v_outcome := 'unchanged';
        ELSE
            INSERT INTO claimdesk.source_snapshots (url, final_url, http_status, content_type, etag, last_modified,
                                                    sha256, text)
            VALUES (p_url, left(p_final_url, 4096), p_http_status, left(p_content_type, 200), left(p_etag, 500),
                    left(p_last_modified, 100), p_sha256, p_text)
            RETURNING id INTO v_snapshot;
        END IF;
    ELSIF p_outcome = 'not_modified' AND v_latest.id IS NULL THEN
        -- A 304 without a snapshot to stand for is not an answer we can judge.
        v_outcome := 'not_comparable';
    END IF;
    -- Taken last, after every check: a refused call takes no number.
    UPDATE claimdesk.watch_counter SET last_seq = last_seq + 1 RETURNING last_seq INTO v_seq;
    INSERT INTO claimdesk.source_checks (seq, url, outcome, http_status, detail, snapshot_id)
    VALUES (v_seq, p_url, v_outcome, p_http_status, left(p_detail, 500), v_snapshot);
    RETURN jsonb_build_object('url', p_url, 'outcome', v_outcome, 'seq', v_seq, 'snapshot', v_snapshot,
                              'new_snapshot', v_snapshot IS DISTINCT FROM v_latest.id,
                              'states', claimdesk.source_state_counts(p_url));
END $$;

------------------------------------------------------------------------------------------------------------------
-- What editors read.
------------------------------------------------------------------------------------------------------------------

-- Citations of one revision whose source needs an editor: changed, quote_missing or unreachable.
CREATE FUNCTION claimdesk.source_flags(p_revision_id bigint) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
    SELECT coalesce(jsonb_agg(jsonb_build_object('url', ci.url, 'state', s.state, 'checked_at', s.checked_at)
                              ORDER BY ci.position, ci.id), '[]')
    FROM claimdesk.citations ci
    JOIN claimdesk.revisions r ON r.id = ci.revision_id
    CROSS JOIN LATERAL claimdesk.source_state_of(ci.url, ci.quote, r.verified_on) s
    WHERE ci.revision_id = p_revision_id AND s.state IN ('changed', 'quote_missing', 'unreachable')
      AND (SELECT claimdesk.holds('editor|reviewer|admin'))
$$;

-- One row per cited URL (of live and open revisions): its worst state, when it was last checked and last changed,
-- the last outcome, and the claims citing it with each citation's state.
CREATE FUNCTION claimdesk.source_status(p_tool text DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
DECLARE
    v_result jsonb;
BEGIN
    PERFORM claimdesk.require_role('editor|reviewer|admin|watcher', 'see source states');
    IF p_tool IS NOT NULL AND NOT EXISTS (SELECT 1 FROM claimdesk.tools WHERE slug = p_tool) THEN
        RAISE EXCEPTION 'unknown tool "%"', left(p_tool, 70)
            USING ERRCODE = 'no_data_found', HINT = 'See claimdesk tool list.';
    END IF;
    WITH cited AS (
        SELECT ci.url, claimdesk.ref_of(r.claim_id) AS ref, r.state AS revision_state, s.state
        FROM claimdesk.citations ci
        JOIN claimdesk.revisions r ON r.id = ci.revision_id AND r.state IN ('draft', 'reviewed', 'published')
        JOIN claimdesk.claims c ON c.id = r.claim_id
        CROSS JOIN LATERAL claimdesk.source_state_of(ci.url, ci.quote, r.verified_on) s
        WHERE p_tool IS NULL OR c.tool_slug = p_tool),
    urls AS (
        SELECT url,
               (array_agg(state ORDER BY array_position(
                   ARRAY['unreachable', 'quote_missing', 'changed', 'unchecked', 'ok'], state)))[1] AS state,
               jsonb_agg(jsonb_build_object('ref', ref, 'revision_state', revision_state, 'state', state)
                         ORDER BY ref, revision_state) AS claims
        FROM cited GROUP BY url)
    SELECT coalesce(jsonb_agg(jsonb_build_object(
        'url', u.url, 'state', u.state, 'claims', u.claims,
        'last_checked_at', lc.checked_at, 'last_outcome', lc.outcome, 'last_http_status', lc.http_status,
        'last_detail', lc.detail,
        'last_changed_at', (SELECT s.fetched_at FROM claimdesk.source_snapshots s WHERE s.url = u.url
                            AND s.id > (SELECT min(f.id) FROM claimdesk.source_snapshots f WHERE f.url = u.url)
                            ORDER BY s.id DESC LIMIT 1),
        'snapshots', (SELECT count(*) FROM claimdesk.source_snapshots s WHERE s.url = u.url))
        ORDER BY u.url), '[]')
    INTO v_result
    FROM urls u
    LEFT JOIN LATERAL (SELECT c.checked_at, c.outcome, c.http_status, c.detail FROM claimdesk.source_checks c
                       WHERE c.url = u.url ORDER BY c.seq DESC LIMIT 1) lc ON true;
    RETURN v_result;
END $$;

-- Two snapshots of a URL to compare: the latest, and the one current at the start of p_since (or the one before
-- the latest when no day is given).
CREATE FUNCTION claimdesk.source_diff(p_url text, p_since date DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
DECLARE
    v_new claimdesk.source_snapshots;
    v_old claimdesk.source_snapshots;
BEGIN
    PERFORM claimdesk.require_role('editor|reviewer|admin|watcher', 'compare source snapshots');
    SELECT * INTO v_new FROM claimdesk.source_snapshots WHERE url = p_url ORDER BY id DESC LIMIT 1;
    IF v_new.id IS NULL THEN
        RAISE EXCEPTION 'no snapshot of "%" yet', left(p_url, 200)
            USING ERRCODE = 'no_data_found',
                  HINT = 'A watcher records one with claimdesk sources check; see claimdesk sources status.';
    END IF;
    IF p_since IS NULL THEN
        SELECT * INTO v_old FROM claimdesk.source_snapshots WHERE url = p_url AND id < v_new.id ORDER BY id DESC LIMIT 1;
    ELSE
        SELECT * INTO v_old FROM claimdesk.source_snapshots
        WHERE url = p_url AND fetched_at < (p_since::timestamp AT TIME ZONE 'UTC') ORDER BY id DESC LIMIT 1;
        IF v_old.id IS NULL THEN
            SELECT * INTO v_old FROM claimdesk.source_snapshots WHERE url = p_url ORDER BY id LIMIT 1;
        END IF;
    END IF;
    RETURN jsonb_build_object(
        'url', p_url,
        'old', CASE WHEN v_old.id IS NULL THEN NULL ELSE jsonb_build_object('id', v_old.id, 'fetched_at', v_old.fetched_at,
                    'sha256', v_old.sha256, 'text', v_old.text) END,
        'new', jsonb_build_object('id', v_new.id, 'fetched_at', v_new.fetched_at, 'sha256', v_new.sha256,
                                  'text', v_new.text));
END $$;

REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA claimdesk FROM PUBLIC;
GRANT EXECUTE ON FUNCTION claimdesk.cite(text, text, text, date, text, text, text, boolean)
    TO claimdesk_editor, claimdesk_reviewer, claimdesk_admin;
GRANT EXECUTE ON FUNCTION claimdesk.source_targets(text, text), claimdesk.source_try_lock(text),
    claimdesk.source_unlock(text), claimdesk.record_source_check(text, text, int, text, text, text, text, text, text, text)
    TO claimdesk_watcher;
GRANT EXECUTE ON FUNCTION claimdesk.source_state_of(text, text, date), claimdesk.last_watch_seq()
    TO claimdesk_exporter, claimdesk_editor, claimdesk_reviewer, claimdesk_admin;
GRANT EXECUTE ON FUNCTION claimdesk.source_flags(bigint) TO claimdesk_editor, claimdesk_reviewer, claimdesk_admin;
GRANT EXECUTE ON FUNCTION claimdesk.source_status(text), claimdesk.source_diff(text, date)
    TO claimdesk_editor, claimdesk_reviewer, claimdesk_admin, claimdesk_watcher;
GRANT EXECUTE ON FUNCTION claimdesk.holds(text) TO claimdesk_watcher;
GRANT SELECT ON claimdesk.watch_log TO claimdesk_exporter, claimdesk_editor, claimdesk_reviewer, claimdesk_admin;
