-- Read helpers for the editorial roles. They run with the caller's rights: the exporter, who may not read
-- drafts, gets "permission denied" from them rather than a back door.

GRANT EXECUTE ON FUNCTION claimdesk.resolve_claim(text, boolean) TO claimdesk_editor, claimdesk_reviewer, claimdesk_admin;

CREATE FUNCTION claimdesk.claim_view(p_ref text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_claim claimdesk.claims := claimdesk.resolve_claim(p_ref, false);
BEGIN
    RETURN jsonb_build_object(
        'ref', p_ref,
        'live', (SELECT claimdesk.revision_json(id) FROM claimdesk.revisions WHERE claim_id = v_claim.id AND state = 'published'),
        'open', (SELECT claimdesk.revision_json(id) FROM claimdesk.revisions
                 WHERE claim_id = v_claim.id AND state IN ('draft', 'reviewed')));
END $$;

CREATE FUNCTION claimdesk.claim_history(p_ref text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_claim claimdesk.claims := claimdesk.resolve_claim(p_ref, false);
BEGIN
    RETURN jsonb_build_object(
        'ref', p_ref,
        'revisions', coalesce((SELECT jsonb_agg(claimdesk.revision_json(id) ORDER BY number)
                               FROM claimdesk.revisions WHERE claim_id = v_claim.id), '[]'::jsonb),
        'events', coalesce((SELECT jsonb_agg(jsonb_build_object('id', a.id, 'at', a.at, 'actor', a.actor,
                                   'action', a.action, 'tool', a.tool_slug, 'ref', a.ref,
                                   'revision', (a.details->>'revision')::int, 'note', a.note, 'details', a.details)
                                   ORDER BY a.id)
                            FROM claimdesk.audit_log a WHERE a.claim_id = v_claim.id), '[]'::jsonb));
END $$;

REVOKE EXECUTE ON FUNCTION claimdesk.claim_view(text), claimdesk.claim_history(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION claimdesk.claim_view(text), claimdesk.claim_history(text)
    TO claimdesk_editor, claimdesk_reviewer, claimdesk_admin;
GRANT SELECT ON claimdesk.schema_migrations TO claimdesk_exporter;

-- What the exporter needs to know about the publication record, without notes or actors.
CREATE VIEW claimdesk.publication_log AS
SELECT seq, kind, tool_slug, claim_id, revision_id, at FROM claimdesk.publications;

GRANT SELECT ON claimdesk.publication_log TO claimdesk_exporter, claimdesk_editor, claimdesk_reviewer, claimdesk_admin;
