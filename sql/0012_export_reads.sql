-- The export reads every live citation's source state. Asking source_state_of once per citation (a plpgsql call
-- each, 600,000 at 10,000 tools) cost more than the rest of the export query, although only a URL that was ever
-- checked can have a state other than 'unchecked'. This answers for exactly those, one row per distinct
-- (url, quote, verified_on) of a live citation; the export joins it and reads 'unchecked' for the rest.
CREATE FUNCTION claimdesk.live_source_states()
RETURNS TABLE (url text, quote text, verified_on date, state text, checked_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = claimdesk, pg_temp ROWS 100 AS $$
    SELECT k.url, k.quote, k.verified_on, s.state, s.checked_at
    FROM (SELECT DISTINCT ci.url, ci.quote, r.verified_on
          FROM claimdesk.citations ci
          JOIN claimdesk.revisions r ON r.id = ci.revision_id AND r.state = 'published'
          WHERE ci.url IN (SELECT c.url FROM claimdesk.source_checks c)
            AND (SELECT claimdesk.holds('exporter|editor|reviewer|admin'))) k
    CROSS JOIN LATERAL claimdesk.source_state_of(k.url, k.quote, k.verified_on) s
$$;

REVOKE EXECUTE ON FUNCTION claimdesk.live_source_states() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION claimdesk.live_source_states()
    TO claimdesk_exporter, claimdesk_editor, claimdesk_reviewer, claimdesk_admin;

-- The change log one item per row, for the export: decoding change_log's JSON items cost the exporter more than
-- reading the rows they were built from. Leak-proof and limited to the same roles as change_log.
CREATE VIEW claimdesk.change_log_items WITH (security_barrier) AS
SELECT ch.id AS change_id, ch.seq AS change_seq, ch.tool_slug, ch.day, i.seq, i.ref, i.kind, i.old_label,
       i.new_label, i.old_headline, i.new_headline, i.note
FROM claimdesk.changes ch
JOIN claimdesk.change_items i ON i.change_id = ch.id
WHERE (SELECT claimdesk.holds('exporter|editor|reviewer|admin'));

GRANT SELECT ON claimdesk.change_log_items TO claimdesk_exporter, claimdesk_editor, claimdesk_reviewer,
    claimdesk_admin;

-- The site-wide feed's newest publications. published_changes, a security barrier, is joined and sorted whole
-- before its LIMIT applies (90 ms at 1,000 tools, growing with the history); this takes the newest first.
CREATE FUNCTION claimdesk.recent_changes(p_limit int)
RETURNS TABLE (seq bigint, kind text, tool_slug text, tool_name text, ref text, at timestamptz, summary text)
-- plpgsql, not sql: its first plans are made for the actual limit; a SQL function's generic plan assumed a large
-- one and joined everything (28 ms instead of 0.6 ms).
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
BEGIN
    IF NOT claimdesk.holds('exporter|editor|reviewer|admin') THEN
        RETURN;
    END IF;
    RETURN QUERY
    SELECT p.seq, p.kind, p.tool_slug, t.name,
           c.tool_slug || coalesce('/' || c.tier_slug, '') || ':' || c.topic_key, p.at,
           CASE p.kind WHEN 'retracted' THEN coalesce(p.note, '') ELSE r.headline END
    FROM (SELECT * FROM claimdesk.publications x ORDER BY x.seq DESC LIMIT greatest(p_limit, 0)) p
    JOIN claimdesk.claims c ON c.id = p.claim_id
    JOIN claimdesk.revisions r ON r.id = p.revision_id
    JOIN claimdesk.tools t ON t.slug = p.tool_slug
    ORDER BY p.seq DESC;
END $$;

REVOKE EXECUTE ON FUNCTION claimdesk.recent_changes(int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION claimdesk.recent_changes(int)
    TO claimdesk_exporter, claimdesk_editor, claimdesk_reviewer, claimdesk_admin;
