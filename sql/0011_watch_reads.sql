-- The watch record as the exporter reads it: only what concerns live citations (issue 8's rule for every read
-- path of a less-trusted role, applied to the source watch of 0009).

-- Checks by URL, and citations by URL: both read per cited URL by the guards below.
CREATE INDEX citations_url ON claimdesk.citations (url);

-- Which URLs were checked after watch number N. Editors see every check; the exporter only checks of URLs that a
-- live revision cites, so a URL cited only by a draft never reaches it.
CREATE OR REPLACE VIEW claimdesk.watch_log WITH (security_barrier) AS
SELECT c.seq, c.url FROM claimdesk.source_checks c
WHERE (SELECT claimdesk.holds('editor|reviewer|admin'))
   OR ((SELECT claimdesk.holds('exporter')) AND EXISTS (
        SELECT 1 FROM claimdesk.citations ci
        JOIN claimdesk.revisions r ON r.id = ci.revision_id AND r.state = 'published'
        WHERE ci.url = c.url));

CREATE OR REPLACE FUNCTION claimdesk.source_state_of(p_url text, p_quote text, p_verified_on date,
                                          OUT state text, OUT checked_at timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
DECLARE
    v_failures int;
    v_checks int;
    v_latest claimdesk.source_snapshots;
    v_baseline text;
BEGIN
    -- Drafts never leave the building: a URL that no live revision cites is 'unchecked' to whoever may not read
    -- drafts (the exporter), so its watch record cannot reveal what an unpublished revision cites.
    IF NOT EXISTS (
        SELECT 1 FROM claimdesk.citations ci
        JOIN claimdesk.revisions r ON r.id = ci.revision_id AND r.state = 'published'
        WHERE ci.url = p_url) THEN
        IF NOT claimdesk.holds('editor|reviewer|admin|watcher') THEN
            state := 'unchecked';
            RETURN;
        END IF;
    END IF;
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
