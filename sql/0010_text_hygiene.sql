-- Text that cannot lie. Every text field a person writes is checked here, whoever writes it and however:
-- no control characters (line breaks and tabs only in multi-line fields: body and notes), no DEL or C1
-- controls, no bidirectional overrides or isolates (a tier named U+202E "gnp.exe" shows as "exe.png").
-- One URL rule: what the database accepts is exactly what the site links (ClaimDeskDomain.URLRule mirrors
-- claimdesk.url_problem, and a store test holds them to the same answers).
-- The checks are CHECK constraints calling functions that raise one precise line (field and character
-- position), so they hold for the workflow functions and for a direct SQL session alike.

-- The name a reader needs for a character no ClaimDesk text may hold.
CREATE FUNCTION claimdesk.char_label(p_code int) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT 'U+' || lpad(upper(to_hex(p_code)), 4, '0') || ' (' || CASE p_code
        WHEN 9 THEN 'tab'
        WHEN 10 THEN 'line break'
        WHEN 13 THEN 'carriage return'
        WHEN 27 THEN 'escape, a control character'
        WHEN 32 THEN 'space'
        WHEN 127 THEN 'delete, a control character'
        WHEN 160 THEN 'no-break space'
        WHEN 8203 THEN 'zero-width space'
        WHEN 8204 THEN 'zero-width non-joiner'
        WHEN 8205 THEN 'zero-width joiner'
        WHEN 8206 THEN 'left-to-right mark'
        WHEN 8207 THEN 'right-to-left mark'
        WHEN 8234 THEN 'left-to-right embedding'
        WHEN 8235 THEN 'right-to-left embedding'
        WHEN 8236 THEN 'pop directional formatting'
        WHEN 8237 THEN 'left-to-right override'
        WHEN 8238 THEN 'right-to-left override'
        WHEN 8294 THEN 'left-to-right isolate'
        WHEN 8295 THEN 'right-to-left isolate'
        WHEN 8296 THEN 'first strong isolate'
        WHEN 8297 THEN 'pop directional isolate'
        WHEN 65279 THEN 'zero-width no-break space'
        ELSE CASE
            WHEN p_code < 32 OR p_code BETWEEN 128 AND 159 THEN 'a control character'
            WHEN p_code IN (34, 60, 62, 92, 96) THEN '"' || chr(p_code) || '"'
            ELSE 'a space character' END
        END || ')'
$$;

-- NULL when s is clean, else "character N is U+XXXX (name)". Positions count characters from 1, as length() does.
CREATE FUNCTION claimdesk.text_problem(s text, p_multiline boolean) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    v_pos int;
BEGIN
    IF s IS NULL THEN
        RETURN NULL;
    END IF;
    IF p_multiline THEN
        v_pos := regexp_instr(s, '[\x01-\x08\x0B-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]');
    ELSE
        v_pos := regexp_instr(s, '[\x01-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]');
    END IF;
    IF v_pos = 0 THEN
        RETURN NULL;
    END IF;
    RETURN format('character %s is %s', v_pos, claimdesk.char_label(ascii(substr(s, v_pos, 1))));
END $$;

-- For CHECK constraints: true when clean, else one line naming the field and the position.
CREATE FUNCTION claimdesk.check_text(s text, p_field text, p_multiline boolean) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    v_problem text := claimdesk.text_problem(s, p_multiline);
BEGIN
    IF v_problem IS NOT NULL THEN
        RAISE EXCEPTION '%: %, which is not allowed in ClaimDesk text', p_field, v_problem
            USING ERRCODE = 'check_violation',
                  HINT = CASE WHEN p_multiline
                      THEN 'Remove it: only line breaks and tabs may appear besides printable text.'
                      ELSE 'Remove it: this field is one line of printable text.' END;
    END IF;
    RETURN true;
END $$;

-- The URL rule. NULL when u is an http(s) URL the site links as it is, else what is wrong with it.
CREATE FUNCTION claimdesk.url_problem(u text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    v_pos int;
    v_rest text;
    v_authority text;
BEGIN
    IF u IS NULL THEN
        RETURN NULL;
    END IF;
    IF length(u) > 2048 THEN
        RETURN 'is longer than 2,048 characters';
    END IF;
    IF u !~* '^https?://' THEN
        RETURN 'is not an http:// or https:// address';
    END IF;
    -- Whitespace, controls, invisible and bidirectional characters, and what HTML or a reader would misread.
    v_pos := regexp_instr(u,
        '[\x01-\x20\x7F-\xA0\u1680\u2000-\u200F\u2028-\u202F\u205F\u2066-\u2069\u3000\uFEFF<>"`\\]');
    IF v_pos > 0 THEN
        RETURN format('contains %s at character %s', claimdesk.char_label(ascii(substr(u, v_pos, 1))), v_pos);
    END IF;
    v_rest := substr(u, position('//' IN u) + 2);
    v_authority := substring(v_rest FROM '^[^/?#]*');
    IF v_authority LIKE '%@%' THEN
        RETURN 'contains credentials (user:password@)';
    END IF;
    IF v_authority = '' THEN
        RETURN 'has no host';
    END IF;
    IF v_authority !~ '^([^:\[\]]+|\[[0-9A-Fa-f:.]+\])(:[0-9]{1,5})?$' THEN
        RETURN 'has an invalid host or port';
    END IF;
    RETURN NULL;
END $$;

-- Same signature as before, so every CHECK and workflow function that calls it now applies the one rule.
CREATE OR REPLACE FUNCTION claimdesk.is_http_url(u text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$ SELECT u IS NOT NULL AND claimdesk.url_problem(u) IS NULL $$;

-- For CHECK constraints: the URL rule with one precise line that shows at most 80 characters of the URL.
CREATE FUNCTION claimdesk.check_url(u text, p_field text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    v_problem text := claimdesk.url_problem(u);
BEGIN
    IF v_problem IS NOT NULL THEN
        -- A URL with credentials is not repeated: the password would end up in logs.
        RAISE EXCEPTION '%', CASE WHEN v_problem LIKE 'contains credentials%' THEN p_field || ' ' || v_problem
            ELSE format('%s "%s" %s', p_field, CASE WHEN length(u) > 80 THEN left(u, 60) || '…' ELSE u END, v_problem) END
            USING ERRCODE = 'check_violation',
                  HINT = CASE
                      WHEN v_problem LIKE 'contains credentials%' THEN 'Give the address without user name or password.'
                      WHEN v_problem LIKE 'contains%' THEN 'Percent-encode that character (e.g. %20 for a space, %3C for <).'
                      WHEN v_problem LIKE 'is longer%' THEN 'Cite a shorter address for the same page.'
                      ELSE 'Give a full http:// or https:// address.' END;
    END IF;
    RETURN true;
END $$;

-- URL checks with precise messages take the place of the plain ones from 0001.
ALTER TABLE claimdesk.tools DROP CONSTRAINT IF EXISTS tools_official_url_check;
ALTER TABLE claimdesk.tools ADD CONSTRAINT tools_official_url_rule
    CHECK (claimdesk.check_url(official_url, 'official URL'));
ALTER TABLE claimdesk.citations DROP CONSTRAINT IF EXISTS citations_url_check;
ALTER TABLE claimdesk.citations ADD CONSTRAINT citations_url_rule CHECK (claimdesk.check_url(url, 'citation URL'));
ALTER TABLE claimdesk.citations DROP CONSTRAINT IF EXISTS citations_archived_url_check;
ALTER TABLE claimdesk.citations ADD CONSTRAINT citations_archived_url_rule
    CHECK (claimdesk.check_url(archived_url, 'archived copy URL'));

ALTER TABLE claimdesk.tools
    ADD CONSTRAINT tools_name_clean CHECK (claimdesk.check_text(name, 'tool name', false)),
    ADD CONSTRAINT tools_category_clean CHECK (claimdesk.check_text(category, 'category', false));
ALTER TABLE claimdesk.tiers
    ADD CONSTRAINT tiers_name_clean CHECK (claimdesk.check_text(name, 'tier name', false));
ALTER TABLE claimdesk.revisions
    ADD CONSTRAINT revisions_headline_clean CHECK (claimdesk.check_text(headline, 'headline', false)),
    ADD CONSTRAINT revisions_body_clean CHECK (claimdesk.check_text(body, 'body', true)),
    ADD CONSTRAINT revisions_verified_by_clean CHECK (claimdesk.check_text(verified_by, 'verified-by', false)),
    ADD CONSTRAINT revisions_note_clean CHECK (claimdesk.check_text(note, 'note', true));
ALTER TABLE claimdesk.citations
    ADD CONSTRAINT citations_supports_clean CHECK (claimdesk.check_text(supports, 'citation supports', false)),
    ADD CONSTRAINT citations_title_clean CHECK (claimdesk.check_text(title, 'citation title', false));
ALTER TABLE claimdesk.people
    ADD CONSTRAINT people_display_name_clean CHECK (claimdesk.check_text(display_name, 'name', false));
ALTER TABLE claimdesk.publications
    ADD CONSTRAINT publications_note_clean CHECK (claimdesk.check_text(note, 'note', true));
ALTER TABLE claimdesk.topics
    ADD CONSTRAINT topics_heading_clean CHECK (claimdesk.check_text(heading, 'topic heading', false)),
    ADD CONSTRAINT topics_question_clean CHECK (claimdesk.check_text(question, 'topic question', false)),
    ADD CONSTRAINT topics_faq_question_clean CHECK (claimdesk.check_text(faq_question, 'FAQ question', false)),
    ADD CONSTRAINT topics_faq_answer_clean CHECK (claimdesk.check_text(faq_answer, 'FAQ answer', false));
ALTER TABLE claimdesk.verdicts
    ADD CONSTRAINT verdicts_label_clean CHECK (claimdesk.check_text(label, 'verdict label', false));

-- Citation quotes (added by the source-watch migration) are multi-line text from the cited page.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns
               WHERE table_schema = 'claimdesk' AND table_name = 'citations' AND column_name = 'quote') THEN
        ALTER TABLE claimdesk.citations
            ADD CONSTRAINT citations_quote_clean CHECK (claimdesk.check_text(quote, 'citation quote', true));
    END IF;
END $$;

-- What a reviewer sent back, as it was: after the fix, `claim diff --since-sent-back` compares against it.
-- Written by a trigger in the same transaction as the send-back, whoever sends it back; append-only.
CREATE TABLE claimdesk.sent_back (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    revision_id bigint NOT NULL REFERENCES claimdesk.revisions (id),
    version int NOT NULL,
    reviewer text NOT NULL DEFAULT session_user,
    note text CHECK (claimdesk.check_text(note, 'note', true)),
    at timestamptz NOT NULL DEFAULT clock_timestamp(),
    revision jsonb NOT NULL
);
CREATE INDEX sent_back_revision ON claimdesk.sent_back (revision_id, id);

CREATE FUNCTION claimdesk.revisions_sent_back() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.changes_requested AND NOT OLD.changes_requested THEN
        INSERT INTO claimdesk.sent_back (revision_id, version, note, revision)
        VALUES (NEW.id, NEW.version, NEW.note, claimdesk.revision_json(NEW.id));
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER revisions_sent_back AFTER UPDATE ON claimdesk.revisions
    FOR EACH ROW EXECUTE FUNCTION claimdesk.revisions_sent_back();
CREATE TRIGGER sent_back_append_only BEFORE UPDATE OR DELETE ON claimdesk.sent_back
    FOR EACH ROW EXECUTE FUNCTION claimdesk.append_only();
CREATE TRIGGER sent_back_no_truncate BEFORE TRUNCATE ON claimdesk.sent_back
    FOR EACH STATEMENT EXECUTE FUNCTION claimdesk.append_only();

REVOKE ALL ON claimdesk.sent_back FROM PUBLIC;
GRANT SELECT ON claimdesk.sent_back TO claimdesk_editor, claimdesk_reviewer, claimdesk_admin;
-- Scoped to this database's editorial members, like every table of the record (0007).
ALTER TABLE claimdesk.sent_back ENABLE ROW LEVEL SECURITY;
CREATE POLICY editorial_read ON claimdesk.sent_back FOR SELECT USING ((SELECT claimdesk.holds('editor|reviewer|admin')));

REVOKE EXECUTE ON FUNCTION claimdesk.char_label(int), claimdesk.text_problem(text, boolean),
    claimdesk.check_text(text, text, boolean), claimdesk.url_problem(text), claimdesk.check_url(text, text),
    claimdesk.revisions_sent_back() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION claimdesk.char_label(int), claimdesk.text_problem(text, boolean),
    claimdesk.check_text(text, text, boolean), claimdesk.url_problem(text), claimdesk.check_url(text, text)
    TO claimdesk_editor, claimdesk_reviewer, claimdesk_admin, claimdesk_exporter;
