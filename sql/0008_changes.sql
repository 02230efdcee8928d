-- Changes, readers and their mail (issue 9). Every publish or retraction transaction records, per tool it touches,
-- one change with what a reader cares about; material changes fan out into an outbox in that same transaction, one
-- message per confirmed subscriber. Readers' addresses are readable by the notifier role only.

------------------------------------------------------------------------------------------------------------------
-- Change records: append-only, written by a trigger on the publication log, so no publish path can skip one.
------------------------------------------------------------------------------------------------------------------
CREATE TABLE claimdesk.changes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- What groups the publications of one change: the writing transaction (pg_current_xact_id(), never reused), or
    -- for changes recorded before this migration, the publish time.
    batch text NOT NULL,
    tool_slug text NOT NULL REFERENCES claimdesk.tools (slug),
    -- The first publish sequence of the change; its items carry their own.
    seq bigint NOT NULL UNIQUE,
    day date NOT NULL,
    at timestamptz NOT NULL,
    UNIQUE (batch, tool_slug)
);
CREATE INDEX changes_tool ON claimdesk.changes (tool_slug, seq);

CREATE TABLE claimdesk.change_items (
    seq bigint PRIMARY KEY REFERENCES claimdesk.publications (seq),
    change_id bigint NOT NULL REFERENCES claimdesk.changes (id),
    claim_id bigint NOT NULL REFERENCES claimdesk.claims (id),
    ref text NOT NULL,
    tier_slug text,
    topic_key text NOT NULL,
    -- new: first publication (or again after a retraction); verdict / headline: what a reader sees changed;
    -- reverified: same verdict and headline (new date, confidence or citations); retracted: taken down, with a note.
    kind text NOT NULL CHECK (kind IN ('new', 'verdict', 'headline', 'reverified', 'retracted')),
    material boolean NOT NULL,
    old_verdict text,
    old_label text,
    new_verdict text,
    new_label text,
    old_headline text,
    new_headline text,
    note text,
    CHECK (material = (kind <> 'reverified'))
);
CREATE INDEX change_items_change ON claimdesk.change_items (change_id, seq);

CREATE TRIGGER changes_append_only BEFORE UPDATE OR DELETE ON claimdesk.changes
    FOR EACH ROW EXECUTE FUNCTION claimdesk.append_only();
CREATE TRIGGER changes_no_truncate BEFORE TRUNCATE ON claimdesk.changes
    FOR EACH STATEMENT EXECUTE FUNCTION claimdesk.append_only();
CREATE TRIGGER change_items_append_only BEFORE UPDATE OR DELETE ON claimdesk.change_items
    FOR EACH ROW EXECUTE FUNCTION claimdesk.append_only();
CREATE TRIGGER change_items_no_truncate BEFORE TRUNCATE ON claimdesk.change_items
    FOR EACH STATEMENT EXECUTE FUNCTION claimdesk.append_only();

------------------------------------------------------------------------------------------------------------------
-- Readers: subscriptions, tokens (hashes only), rate limits, the outbox.
------------------------------------------------------------------------------------------------------------------
CREATE TABLE claimdesk.subscribers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tool_slug text NOT NULL REFERENCES claimdesk.tools (slug),
    email text NOT NULL CHECK (length(email) <= 254 AND email !~ '[[:cntrl:][:space:]]'),
    -- SHA-256 of the pending confirmation token; NULL once confirmed.
    confirm_hash bytea UNIQUE,
    confirm_expires timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    confirmed_at timestamptz,
    CHECK ((confirmed_at IS NULL) = (confirm_hash IS NOT NULL))
);
CREATE UNIQUE INDEX subscribers_one_per_tool ON claimdesk.subscribers (tool_slug, lower(email));
CREATE INDEX subscribers_expiry ON claimdesk.subscribers (confirm_expires) WHERE confirmed_at IS NULL;

-- How many subscribe requests one address or one client may make per hour. Admins (or the schema owner) tune it.
CREATE TABLE claimdesk.notify_limits (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    per_address_per_hour int NOT NULL DEFAULT 5 CHECK (per_address_per_hour > 0),
    per_client_per_hour int NOT NULL DEFAULT 30 CHECK (per_client_per_hour > 0)
);
INSERT INTO claimdesk.notify_limits DEFAULT VALUES;

-- Request counts per bucket (a hash of an address or a client) per hour, shared by every serve process.
CREATE TABLE claimdesk.rate_hits (
    bucket bytea NOT NULL,
    hour timestamptz NOT NULL,
    hits int NOT NULL,
    PRIMARY KEY (bucket, hour)
);

CREATE TABLE claimdesk.outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    change_id bigint NOT NULL REFERENCES claimdesk.changes (id),
    tool_slug text NOT NULL REFERENCES claimdesk.tools (slug),
    -- NULL once the reader unsubscribed: the message's history stays, the address goes.
    subscriber_id bigint REFERENCES claimdesk.subscribers (id) ON DELETE SET NULL,
    state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'dropped')),
    attempts int NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    lease_until timestamptz,
    sent_at timestamptz,
    last_error text,
    -- SHA-256 of the unsubscribe token the latest attempt carried.
    unsubscribe_hash bytea UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (change_id, subscriber_id)
);
CREATE INDEX outbox_due ON claimdesk.outbox (next_attempt_at, id) WHERE state IN ('queued', 'sending');
CREATE INDEX outbox_tool ON claimdesk.outbox (tool_slug, state);
CREATE INDEX outbox_subscriber ON claimdesk.outbox (subscriber_id);

-- Nobody reads or writes these directly: the functions below are the only way in.
ALTER TABLE claimdesk.changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE claimdesk.change_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE claimdesk.subscribers ENABLE ROW LEVEL SECURITY;
ALTER TABLE claimdesk.notify_limits ENABLE ROW LEVEL SECURITY;
ALTER TABLE claimdesk.rate_hits ENABLE ROW LEVEL SECURITY;
ALTER TABLE claimdesk.outbox ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON claimdesk.changes, claimdesk.change_items, claimdesk.subscribers, claimdesk.notify_limits,
    claimdesk.rate_hits, claimdesk.outbox FROM PUBLIC;

------------------------------------------------------------------------------------------------------------------
-- Recording a change: one row per publication, grouped per transaction and tool.
------------------------------------------------------------------------------------------------------------------
CREATE FUNCTION claimdesk.record_change(p claimdesk.publications, p_batch text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_claim claimdesk.claims;
    v_rev claimdesk.revisions;
    v_prev_pub claimdesk.publications;
    v_prev claimdesk.revisions;
    v_change bigint;
    v_kind text;
BEGIN
    SELECT * INTO v_claim FROM claimdesk.claims WHERE id = p.claim_id;
    SELECT * INTO v_rev FROM claimdesk.revisions WHERE id = p.revision_id;
    INSERT INTO claimdesk.changes (batch, tool_slug, seq, day, at)
    VALUES (p_batch, p.tool_slug, p.seq, (p.at AT TIME ZONE 'UTC')::date, p.at)
    ON CONFLICT (batch, tool_slug) DO NOTHING;
    SELECT id INTO v_change FROM claimdesk.changes WHERE batch = p_batch AND tool_slug = p.tool_slug;

    IF p.kind = 'retracted' THEN
        v_kind := 'retracted';
        INSERT INTO claimdesk.change_items (seq, change_id, claim_id, ref, tier_slug, topic_key, kind, material,
                                            old_verdict, old_label, old_headline, note)
        VALUES (p.seq, v_change, v_claim.id, claimdesk.ref_of(v_claim.id), v_claim.tier_slug, v_claim.topic_key,
                'retracted', true, v_rev.verdict,
                (SELECT label FROM claimdesk.verdicts WHERE topic_key = v_rev.topic_key AND key = v_rev.verdict),
                v_rev.headline, p.note);
    ELSE
        SELECT * INTO v_prev_pub FROM claimdesk.publications
        WHERE claim_id = p.claim_id AND seq < p.seq ORDER BY seq DESC LIMIT 1;
        IF v_prev_pub.seq IS NOT NULL AND v_prev_pub.kind = 'published' THEN
            SELECT * INTO v_prev FROM claimdesk.revisions WHERE id = v_prev_pub.revision_id;
        END IF;
        v_kind := CASE
            WHEN v_prev.id IS NULL THEN 'new'
            WHEN v_prev.verdict IS DISTINCT FROM v_rev.verdict THEN 'verdict'
            WHEN v_prev.headline IS DISTINCT FROM v_rev.headline THEN 'headline'
            ELSE 'reverified' END;
        INSERT INTO claimdesk.change_items (seq, change_id, claim_id, ref, tier_slug, topic_key, kind, material,
                                            old_verdict, old_label, new_verdict, new_label, old_headline, new_headline)
        VALUES (p.seq, v_change, v_claim.id, claimdesk.ref_of(v_claim.id), v_claim.tier_slug, v_claim.topic_key,
                v_kind, v_kind <> 'reverified', v_prev.verdict,
                (SELECT label FROM claimdesk.verdicts WHERE topic_key = v_prev.topic_key AND key = v_prev.verdict),
                v_rev.verdict,
                (SELECT label FROM claimdesk.verdicts WHERE topic_key = v_rev.topic_key AND key = v_rev.verdict),
                v_prev.headline, v_rev.headline);
    END IF;
    RETURN CASE WHEN v_kind <> 'reverified' THEN v_change END;
END $$;

-- Upgrading a database: publications made before this migration become changes too, grouped by their publish
-- time (one transaction has one now()). No mail goes out for them.
DO $$
DECLARE p claimdesk.publications;
BEGIN
    FOR p IN SELECT * FROM claimdesk.publications ORDER BY seq LOOP
        PERFORM claimdesk.record_change(p, 'before-0008:' || p.at::text);
    END LOOP;
END $$;

CREATE FUNCTION claimdesk.publications_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
DECLARE
    v_change bigint := claimdesk.record_change(NEW, 'xact:' || pg_current_xact_id()::text);
BEGIN
    -- A material change fans out to every confirmed subscriber of the tool, once per change however many of its
    -- claims it touched.
    IF v_change IS NOT NULL THEN
        INSERT INTO claimdesk.outbox (change_id, tool_slug, subscriber_id)
        SELECT v_change, s.tool_slug, s.id FROM claimdesk.subscribers s
        WHERE s.tool_slug = NEW.tool_slug AND s.confirmed_at IS NOT NULL
        ORDER BY s.id
        ON CONFLICT (change_id, subscriber_id) DO NOTHING;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER publications_change AFTER INSERT ON claimdesk.publications
    FOR EACH ROW EXECUTE FUNCTION claimdesk.publications_change();

-- The public change log: what the exporter and the desk read. Leak-proof, like the other exporter views.
CREATE VIEW claimdesk.change_log WITH (security_barrier) AS
SELECT ch.id, ch.seq, ch.tool_slug, ch.day, ch.at,
       EXISTS (SELECT 1 FROM claimdesk.change_items i WHERE i.change_id = ch.id AND i.material) AS material,
       (SELECT jsonb_agg(jsonb_build_object('seq', i.seq, 'ref', i.ref, 'tier', i.tier_slug, 'topic', i.topic_key,
                                            'kind', i.kind, 'material', i.material,
                                            'oldVerdict', i.old_verdict, 'oldLabel', i.old_label,
                                            'newVerdict', i.new_verdict, 'newLabel', i.new_label,
                                            'oldHeadline', i.old_headline, 'newHeadline', i.new_headline,
                                            'note', i.note) ORDER BY i.seq)
        FROM claimdesk.change_items i WHERE i.change_id = ch.id) AS items
FROM claimdesk.changes ch
WHERE (SELECT claimdesk.holds('exporter|editor|reviewer|admin'));

GRANT SELECT ON claimdesk.change_log TO claimdesk_exporter, claimdesk_editor, claimdesk_reviewer, claimdesk_admin;

------------------------------------------------------------------------------------------------------------------
-- The notifier's workflow. Tokens are made here from the server's random UUIDs and returned once; only their
-- SHA-256 is kept.
------------------------------------------------------------------------------------------------------------------
CREATE FUNCTION claimdesk.new_token() RETURNS text
LANGUAGE sql VOLATILE AS $$
    SELECT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')
$$;

CREATE FUNCTION claimdesk.token_hash(p_token text) RETURNS bytea
LANGUAGE sql IMMUTABLE AS $$ SELECT sha256(convert_to(coalesce(p_token, ''), 'UTF8')) $$;

-- Counts one request against a bucket for this hour and refuses it past the limit.
CREATE FUNCTION claimdesk.rate_hit(p_bucket text, p_limit int, p_what text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_hits int;
BEGIN
    INSERT INTO claimdesk.rate_hits (bucket, hour, hits)
    VALUES (sha256(convert_to(p_bucket, 'UTF8')), date_trunc('hour', now()), 1)
    ON CONFLICT (bucket, hour) DO UPDATE SET hits = rate_hits.hits + 1
    RETURNING hits INTO v_hits;
    IF v_hits > p_limit THEN
        RAISE EXCEPTION 'too many subscribe requests from %', p_what
            USING ERRCODE = 'program_limit_exceeded', HINT = 'Try again in an hour.';
    END IF;
END $$;

CREATE FUNCTION claimdesk.is_email(p text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT p IS NOT NULL AND length(p) <= 254
       AND p ~ '^[A-Za-z0-9.!#$%&''*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9]([A-Za-z0-9-]{0,62}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$'
$$;

-- A reader asks to follow a tool. Returns {"tool", "toolName", "token"}: token is a fresh confirmation token when a
-- confirmation mail should go out, null when the address is already confirmed (the reader sees the same page).
CREATE FUNCTION claimdesk.notify_subscribe(p_tool text, p_email text, p_client text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
DECLARE
    v_tool claimdesk.tools;
    v_limits claimdesk.notify_limits;
    v_token text;
    v_sub claimdesk.subscribers;
BEGIN
    PERFORM claimdesk.require_role('notifier', 'take subscriptions');
    IF NOT claimdesk.is_email(p_email) THEN
        RAISE EXCEPTION 'that is not an email address we can write to'
            USING ERRCODE = 'invalid_parameter_value', HINT = 'Give one address like you@example.com.';
    END IF;
    SELECT * INTO v_tool FROM claimdesk.tools WHERE slug = p_tool;
    IF v_tool.slug IS NULL OR NOT EXISTS (SELECT 1 FROM claimdesk.revisions r JOIN claimdesk.claims c ON c.id = r.claim_id
                                          WHERE c.tool_slug = v_tool.slug AND r.state = 'published') THEN
        RAISE EXCEPTION 'no published tool is called "%"', left(coalesce(p_tool, ''), 64)
            USING ERRCODE = 'no_data_found', HINT = 'Subscribe from the tool''s page.';
    END IF;
    SELECT * INTO v_limits FROM claimdesk.notify_limits;
    PERFORM claimdesk.rate_hit('client:' || coalesce(p_client, ''), v_limits.per_client_per_hour, 'this client');
    PERFORM claimdesk.rate_hit('address:' || lower(p_email), v_limits.per_address_per_hour, 'this address');
    DELETE FROM claimdesk.subscribers WHERE confirmed_at IS NULL AND confirm_expires < now();
    DELETE FROM claimdesk.rate_hits WHERE hour < date_trunc('hour', now()) - interval '1 hour';

    v_token := claimdesk.new_token();
    INSERT INTO claimdesk.subscribers (tool_slug, email, confirm_hash, confirm_expires)
    VALUES (v_tool.slug, p_email, claimdesk.token_hash(v_token), now() + interval '7 days')
    ON CONFLICT (tool_slug, lower(email)) DO UPDATE
        SET confirm_hash = CASE WHEN subscribers.confirmed_at IS NULL THEN EXCLUDED.confirm_hash END,
            confirm_expires = CASE WHEN subscribers.confirmed_at IS NULL THEN EXCLUDED.confirm_expires END
    RETURNING * INTO v_sub;
    RETURN jsonb_build_object('tool', v_tool.slug, 'toolName', v_tool.name,
                              'token', CASE WHEN v_sub.confirmed_at IS NULL THEN v_token END);
END $$;

-- The reader pressed the button behind the confirmation link. Returns {"tool", "toolName"}.
CREATE FUNCTION claimdesk.notify_confirm(p_token text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
DECLARE
    v_sub claimdesk.subscribers;
BEGIN
    PERFORM claimdesk.require_role('notifier', 'confirm subscriptions');
    UPDATE claimdesk.subscribers SET confirmed_at = now(), confirm_hash = NULL, confirm_expires = NULL
    WHERE confirm_hash = claimdesk.token_hash(p_token) AND confirm_expires >= now()
    RETURNING * INTO v_sub;
    IF v_sub.id IS NULL THEN
        RAISE EXCEPTION 'this confirmation link is unknown, used or expired'
            USING ERRCODE = 'no_data_found', HINT = 'Subscribe again from the tool''s page.';
    END IF;
    RETURN jsonb_build_object('tool', v_sub.tool_slug,
                              'toolName', (SELECT name FROM claimdesk.tools WHERE slug = v_sub.tool_slug));
END $$;

-- One-click unsubscribe: the token of any message sent to the reader deletes the address. Returns
-- {"unsubscribed": bool} (false when it was already gone: the reader sees the same page).
CREATE FUNCTION claimdesk.notify_unsubscribe(p_token text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
DECLARE
    v_id bigint;
BEGIN
    PERFORM claimdesk.require_role('notifier', 'unsubscribe readers');
    SELECT subscriber_id INTO v_id FROM claimdesk.outbox WHERE unsubscribe_hash = claimdesk.token_hash(p_token);
    IF v_id IS NOT NULL THEN
        UPDATE claimdesk.outbox SET state = 'dropped', lease_until = NULL
        WHERE subscriber_id = v_id AND state IN ('queued', 'sending', 'failed');
        DELETE FROM claimdesk.subscribers WHERE id = v_id;
    END IF;
    RETURN jsonb_build_object('unsubscribed', v_id IS NOT NULL);
END $$;

-- Leases up to p_limit due messages for p_lease_seconds and returns them with the address, the change and a fresh
-- unsubscribe token. A sender that crashes loses nothing: the lease runs out and the message is due again.
CREATE FUNCTION claimdesk.notify_claim(p_limit int, p_lease_seconds int) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
DECLARE
    v_result jsonb;
BEGIN
    PERFORM claimdesk.require_role('notifier', 'send notifications');
    WITH due AS (
        SELECT o.id FROM claimdesk.outbox o
        WHERE o.state IN ('queued', 'sending') AND o.next_attempt_at <= now()
          AND (o.state = 'queued' OR o.lease_until < now())
        ORDER BY o.next_attempt_at, o.id
        LIMIT greatest(1, least(coalesce(p_limit, 100), 1000))
        FOR UPDATE SKIP LOCKED),
    tokens AS (SELECT id, claimdesk.new_token() AS token FROM due),
    leased AS (
        UPDATE claimdesk.outbox o
        SET state = 'sending', attempts = o.attempts + 1, unsubscribe_hash = claimdesk.token_hash(t.token),
            lease_until = now() + make_interval(secs => greatest(10, coalesce(p_lease_seconds, 300)))
        FROM tokens t WHERE o.id = t.id
        RETURNING o.*, t.token)
    SELECT coalesce(jsonb_agg(jsonb_build_object(
               'id', l.id, 'email', s.email, 'tool', l.tool_slug, 'toolName', tl.name, 'attempt', l.attempts,
               'unsubscribeToken', l.token,
               'change', jsonb_build_object('id', ch.id, 'seq', ch.seq, 'day', ch.day, 'items',
                   (SELECT jsonb_agg(jsonb_build_object('ref', i.ref, 'kind', i.kind, 'material', i.material,
                                                        'topic', i.topic_key, 'tier', i.tier_slug,
                                                        'oldLabel', i.old_label, 'newLabel', i.new_label,
                                                        'oldHeadline', i.old_headline, 'newHeadline', i.new_headline,
                                                        'note', i.note) ORDER BY i.seq)
                    FROM claimdesk.change_items i WHERE i.change_id = ch.id)))
           ORDER BY l.id), '[]'::jsonb)
    INTO v_result
    FROM leased l
    JOIN claimdesk.subscribers s ON s.id = l.subscriber_id
    JOIN claimdesk.tools tl ON tl.slug = l.tool_slug
    JOIN claimdesk.changes ch ON ch.id = l.change_id;
    RETURN v_result;
END $$;

-- The sendmail program accepted the message: it is never sent again.
CREATE FUNCTION claimdesk.notify_sent(p_id bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
BEGIN
    PERFORM claimdesk.require_role('notifier', 'send notifications');
    UPDATE claimdesk.outbox SET state = 'sent', sent_at = now(), lease_until = NULL, last_error = NULL
    WHERE id = p_id AND state = 'sending';
END $$;

-- The sendmail program refused the message: retried with exponential backoff (1 minute, doubling, at most 6 hours),
-- given up after 10 attempts.
CREATE FUNCTION claimdesk.notify_failed(p_id bigint, p_error text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
BEGIN
    PERFORM claimdesk.require_role('notifier', 'send notifications');
    UPDATE claimdesk.outbox
    SET state = CASE WHEN attempts >= 10 THEN 'failed' ELSE 'queued' END,
        lease_until = NULL, last_error = left(p_error, 500),
        next_attempt_at = now() + least(interval '6 hours', interval '1 minute' * power(2, greatest(attempts - 1, 0)))
    WHERE id = p_id AND state = 'sending';
END $$;

-- Counts per tool: what admins and the notifier may see. No address leaves this function.
CREATE FUNCTION claimdesk.notify_status() RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = claimdesk, pg_temp AS $$
BEGIN
    PERFORM claimdesk.require_role('notifier|admin', 'see notification status');
    RETURN coalesce((
        SELECT jsonb_agg(jsonb_build_object(
                   'tool', t.slug,
                   'confirmed', (SELECT count(*) FROM claimdesk.subscribers s WHERE s.tool_slug = t.slug AND s.confirmed_at IS NOT NULL),
                   'pending', (SELECT count(*) FROM claimdesk.subscribers s WHERE s.tool_slug = t.slug AND s.confirmed_at IS NULL),
                   'queued', (SELECT count(*) FROM claimdesk.outbox o WHERE o.tool_slug = t.slug AND o.state IN ('queued', 'sending')),
                   'sent', (SELECT count(*) FROM claimdesk.outbox o WHERE o.tool_slug = t.slug AND o.state = 'sent'),
                   'failed', (SELECT count(*) FROM claimdesk.outbox o WHERE o.tool_slug = t.slug AND o.state = 'failed'))
                   ORDER BY t.slug)
        FROM claimdesk.tools t
        WHERE EXISTS (SELECT 1 FROM claimdesk.subscribers s WHERE s.tool_slug = t.slug)
           OR EXISTS (SELECT 1 FROM claimdesk.outbox o WHERE o.tool_slug = t.slug)), '[]'::jsonb);
END $$;

GRANT EXECUTE ON FUNCTION claimdesk.notify_subscribe(text, text, text), claimdesk.notify_confirm(text),
    claimdesk.notify_unsubscribe(text), claimdesk.notify_claim(int, int), claimdesk.notify_sent(bigint),
    claimdesk.notify_failed(bigint, text)
    TO claimdesk_notifier;
GRANT EXECUTE ON FUNCTION claimdesk.notify_status() TO claimdesk_notifier, claimdesk_admin;
GRANT EXECUTE ON FUNCTION claimdesk.is_email(text) TO claimdesk_notifier;
