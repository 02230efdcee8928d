-- Who may read and call what. No editorial role writes a table directly: writes go through the
-- SECURITY DEFINER workflow functions, which check session_user themselves.

CREATE VIEW claimdesk.live_claims AS
SELECT c.id AS claim_id, c.tool_slug, c.tier_slug, c.topic_key, r.id AS revision_id, r.number, r.verdict,
       r.headline, r.body, r.confidence, r.verified_on, r.verified_by, r.publish_seq, r.published_at
FROM claimdesk.claims c
JOIN claimdesk.revisions r ON r.claim_id = c.id AND r.state = 'published';

CREATE VIEW claimdesk.live_citations AS
SELECT ci.revision_id, ci.position, ci.url, ci.supports, ci.dated, ci.title, ci.archived_url
FROM claimdesk.citations ci
JOIN claimdesk.revisions r ON r.id = ci.revision_id AND r.state = 'published';

CREATE VIEW claimdesk.published_changes AS
SELECT p.seq, p.kind, p.tool_slug, c.tool_slug || coalesce('/' || c.tier_slug, '') || ':' || c.topic_key AS ref, p.at,
       CASE p.kind WHEN 'retracted' THEN coalesce(p.note, '') ELSE r.headline END AS summary
FROM claimdesk.publications p
JOIN claimdesk.claims c ON c.id = p.claim_id
JOIN claimdesk.revisions r ON r.id = p.revision_id;

REVOKE ALL ON ALL TABLES IN SCHEMA claimdesk FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA claimdesk FROM PUBLIC;
REVOKE ALL ON SCHEMA claimdesk FROM PUBLIC;
GRANT USAGE ON SCHEMA claimdesk TO claimdesk_editor, claimdesk_reviewer, claimdesk_admin, claimdesk_exporter;

-- Editorial roles read everything (drafts included); the exporter reads only what is published.
GRANT SELECT ON ALL TABLES IN SCHEMA claimdesk TO claimdesk_editor, claimdesk_reviewer, claimdesk_admin;
GRANT SELECT ON claimdesk.tools, claimdesk.tiers, claimdesk.topics, claimdesk.verdicts,
                claimdesk.live_claims, claimdesk.live_citations, claimdesk.published_changes
    TO claimdesk_exporter;
GRANT SELECT ON claimdesk.publish_seq TO claimdesk_exporter, claimdesk_editor, claimdesk_reviewer, claimdesk_admin;

REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA claimdesk FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
    claimdesk.latest_today(), claimdesk.is_http_url(text), claimdesk.is_slug(text), claimdesk.is_key(text),
    claimdesk.is_text(text, int), claimdesk.ref_of(bigint)
    TO claimdesk_editor, claimdesk_reviewer, claimdesk_admin, claimdesk_exporter;
GRANT EXECUTE ON FUNCTION
    claimdesk.add_user(text, text, text), claimdesk.add_tool(text, text, text, text), claimdesk.add_tier(text, text, text),
    claimdesk.draft_claim(text, text, text, text, text, date, text),
    claimdesk.edit_claim(text, text, text, text, text, date, text, bigint, int),
    claimdesk.cite(text, text, text, date, text, text), claimdesk.uncite(text, text),
    claimdesk.discard_claim(text, text), claimdesk.approve(text, text), claimdesk.reject(text, text),
    claimdesk.publish(text[]), claimdesk.publish_all_reviewed(), claimdesk.retract(text, text),
    claimdesk.revision_json(bigint)
    TO claimdesk_editor, claimdesk_reviewer, claimdesk_admin;
