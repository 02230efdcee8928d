-- Invariants held by triggers: they bind every client, including the schema owner.

CREATE FUNCTION claimdesk.ref_of(p_claim_id bigint) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT c.tool_slug || coalesce('/' || c.tier_slug, '') || ':' || c.topic_key
    FROM claimdesk.claims c WHERE c.id = p_claim_id
$$;

CREATE FUNCTION claimdesk.check_day(p_day date, p_what text) RETURNS void
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF p_day > claimdesk.latest_today() THEN
        RAISE EXCEPTION '% % is in the future', p_what, p_day
            USING ERRCODE = 'check_violation', HINT = 'Give the day it was actually checked, not a later one.';
    END IF;
    IF p_day < DATE '1990-01-01' THEN
        RAISE EXCEPTION '% % is implausibly old', p_what, p_day
            USING ERRCODE = 'check_violation', HINT = 'Give a date after 1990-01-01.';
    END IF;
END $$;

CREATE FUNCTION claimdesk.revisions_guard() RETURNS trigger
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
    IF NEW.state = 'published' AND OLD.state = 'reviewed' THEN
        IF NOT EXISTS (SELECT 1 FROM claimdesk.citations c WHERE c.revision_id = NEW.id) THEN
            RAISE EXCEPTION 'revision % of % has no citation and cannot publish', NEW.number, v_ref
                USING ERRCODE = 'check_violation', HINT = 'Add one with claimdesk cite, then have it reviewed again.';
        END IF;
        IF NEW.publish_seq IS NULL THEN
            NEW.publish_seq := nextval('claimdesk.publish_seq');
        END IF;
        NEW.published_at := coalesce(NEW.published_at, now());
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.state <> OLD.state AND NEW.state IN ('superseded', 'discarded', 'retracted') THEN
        NEW.closed_at := coalesce(NEW.closed_at, clock_timestamp());
    END IF;
    NEW.updated_at := clock_timestamp();
    RETURN NEW;
END $$;

CREATE TRIGGER revisions_guard BEFORE INSERT OR UPDATE ON claimdesk.revisions
    FOR EACH ROW EXECUTE FUNCTION claimdesk.revisions_guard();

CREATE FUNCTION claimdesk.revisions_no_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'revisions are never deleted (revision % of %)', OLD.number, claimdesk.ref_of(OLD.claim_id)
        USING ERRCODE = 'insufficient_privilege', HINT = 'Discard an open revision with claim discard instead.';
END $$;

CREATE TRIGGER revisions_no_delete BEFORE DELETE ON claimdesk.revisions
    FOR EACH ROW EXECUTE FUNCTION claimdesk.revisions_no_delete();

-- Every transition of a revision writes an audit row, whoever caused it and however.
CREATE FUNCTION claimdesk.revisions_audit() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_action text;
    v_claim claimdesk.claims;
BEGIN
    IF TG_OP = 'INSERT' THEN
        v_action := 'drafted';
    ELSIF NEW.state <> OLD.state THEN
        v_action := CASE
            WHEN NEW.state = 'reviewed' THEN 'approved'
            WHEN NEW.state = 'draft' THEN 'sent_back'
            ELSE NEW.state END;
    ELSIF NEW.changes_requested AND NOT OLD.changes_requested THEN
        v_action := 'sent_back';
    ELSIF (NEW.verdict, NEW.headline, NEW.body, NEW.confidence, NEW.verified_on, NEW.verified_by)
          IS DISTINCT FROM (OLD.verdict, OLD.headline, OLD.body, OLD.confidence, OLD.verified_on, OLD.verified_by) THEN
        -- Citation changes are audited by the citations trigger; this row is for the content itself.
        v_action := 'edited';
    ELSE
        RETURN NULL;
    END IF;
    SELECT * INTO v_claim FROM claimdesk.claims WHERE id = NEW.claim_id;
    INSERT INTO claimdesk.audit_log (action, tool_slug, ref, claim_id, revision_id, note, details)
    VALUES (v_action, v_claim.tool_slug, claimdesk.ref_of(NEW.claim_id), NEW.claim_id, NEW.id,
            CASE WHEN v_action IN ('approved', 'sent_back', 'retracted', 'discarded') THEN NEW.note END,
            jsonb_build_object('revision', NEW.number, 'version', NEW.version, 'state', NEW.state)
              || CASE WHEN TG_OP = 'INSERT' AND NEW.based_on IS NOT NULL
                      THEN jsonb_build_object('based_on', NEW.based_on) ELSE '{}'::jsonb END
              || CASE WHEN NEW.publish_seq IS NOT NULL AND v_action IN ('published', 'retracted')
                      THEN jsonb_build_object('seq', NEW.publish_seq) ELSE '{}'::jsonb END);
    RETURN NULL;
END $$;

CREATE TRIGGER revisions_audit AFTER INSERT OR UPDATE ON claimdesk.revisions
    FOR EACH ROW EXECUTE FUNCTION claimdesk.revisions_audit();

-- Citations belong to the content of a revision: they change only while it is a draft.
CREATE FUNCTION claimdesk.citations_guard() RETURNS trigger
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
    IF coalesce(current_setting('claimdesk.copying_citations', true), 'off') = 'on' THEN
        RETURN NEW;
    END IF;
    INSERT INTO claimdesk.audit_log (action, tool_slug, ref, claim_id, revision_id, details)
    SELECT CASE TG_OP WHEN 'INSERT' THEN 'cited' WHEN 'UPDATE' THEN 'recited' ELSE 'uncited' END,
           c.tool_slug, claimdesk.ref_of(c.id), c.id, v_rev.id,
           jsonb_build_object('url', v_row.url, 'revision', v_rev.number)
    FROM claimdesk.claims c WHERE c.id = v_rev.claim_id;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER citations_guard BEFORE INSERT OR UPDATE OR DELETE ON claimdesk.citations
    FOR EACH ROW EXECUTE FUNCTION claimdesk.citations_guard();

-- The audit log and the publication record are append-only for everyone.
CREATE FUNCTION claimdesk.append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: rows cannot be changed or removed', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege', HINT = 'Record a correction as a new entry instead.';
END $$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON claimdesk.audit_log
    FOR EACH ROW EXECUTE FUNCTION claimdesk.append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON claimdesk.audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION claimdesk.append_only();
CREATE TRIGGER publications_append_only BEFORE UPDATE OR DELETE ON claimdesk.publications
    FOR EACH ROW EXECUTE FUNCTION claimdesk.append_only();
CREATE TRIGGER publications_no_truncate BEFORE TRUNCATE ON claimdesk.publications
    FOR EACH STATEMENT EXECUTE FUNCTION claimdesk.append_only();
CREATE TRIGGER revisions_no_truncate BEFORE TRUNCATE ON claimdesk.revisions
    FOR EACH STATEMENT EXECUTE FUNCTION claimdesk.append_only();
CREATE TRIGGER citations_no_truncate BEFORE TRUNCATE ON claimdesk.citations
    FOR EACH STATEMENT EXECUTE FUNCTION claimdesk.append_only();

-- A publish or retraction is recorded in the publication log in the same transaction.
CREATE FUNCTION claimdesk.revisions_publication() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_seq bigint;
BEGIN
    IF NEW.state = 'published' AND OLD.state = 'reviewed' THEN
        INSERT INTO claimdesk.publications (seq, kind, claim_id, revision_id, tool_slug, at)
        SELECT NEW.publish_seq, 'published', NEW.claim_id, NEW.id, c.tool_slug, NEW.published_at
        FROM claimdesk.claims c WHERE c.id = NEW.claim_id;
    ELSIF NEW.state = 'retracted' AND OLD.state = 'published' THEN
        v_seq := nextval('claimdesk.publish_seq');
        INSERT INTO claimdesk.publications (seq, kind, claim_id, revision_id, tool_slug, note, at)
        SELECT v_seq, 'retracted', NEW.claim_id, NEW.id, c.tool_slug, NEW.note, NEW.closed_at
        FROM claimdesk.claims c WHERE c.id = NEW.claim_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER revisions_publication AFTER UPDATE ON claimdesk.revisions
    FOR EACH ROW EXECUTE FUNCTION claimdesk.revisions_publication();
