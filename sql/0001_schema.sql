-- ClaimDesk schema: the editorial record. Every rule that protects the published record lives here,
-- so a direct SQL session cannot do what the CLI refuses.

-- The migrator creates schema claimdesk (it keeps its ledger there) before this file runs.

-- Editorial group roles are cluster-wide; create them once, whichever database migrates first.
DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['claimdesk_editor', 'claimdesk_reviewer', 'claimdesk_admin', 'claimdesk_exporter'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END $$;

-- The last day that has begun anywhere on Earth (UTC+14): a date after it is in the future for everyone.
CREATE FUNCTION claimdesk.latest_today() RETURNS date
LANGUAGE sql STABLE AS $$ SELECT (now() AT TIME ZONE 'Pacific/Kiritimati')::date $$;

CREATE FUNCTION claimdesk.is_http_url(u text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT u ~* '^https?://[^/?#[:space:][:cntrl:]@]+(:[0-9]+)?([/?#][^[:space:][:cntrl:]]*)?$' AND length(u) <= 2048
$$;

CREATE FUNCTION claimdesk.is_slug(s text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$ SELECT s ~ '^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$' $$;

CREATE FUNCTION claimdesk.is_key(s text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$ SELECT s ~ '^[a-z0-9]([a-z0-9_-]{0,62}[a-z0-9])?$' $$;

CREATE FUNCTION claimdesk.is_text(s text, max_length int) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$ SELECT btrim(s, E' \t\r\n') <> '' AND length(s) <= max_length $$;

CREATE TABLE claimdesk.people (
    handle text PRIMARY KEY,
    display_name text,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT session_user
);

CREATE TABLE claimdesk.tools (
    slug text PRIMARY KEY CHECK (claimdesk.is_slug(slug)),
    name text NOT NULL CHECK (claimdesk.is_text(name, 200)),
    category text NOT NULL CHECK (claimdesk.is_text(category, 200)),
    official_url text NOT NULL CHECK (claimdesk.is_http_url(official_url)),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE claimdesk.tiers (
    tool_slug text NOT NULL REFERENCES claimdesk.tools (slug),
    slug text NOT NULL CHECK (claimdesk.is_slug(slug)),
    name text NOT NULL CHECK (claimdesk.is_text(name, 200)),
    position int NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tool_slug, slug)
);

CREATE TABLE claimdesk.topics (
    key text PRIMARY KEY CHECK (claimdesk.is_key(key)),
    heading text NOT NULL,
    question text NOT NULL,
    faq_question text,
    faq_answer text,
    section text NOT NULL CHECK (section IN ('main', 'hipaa', 'editorial')),
    position int NOT NULL,
    badge_position int
);

CREATE TABLE claimdesk.verdicts (
    topic_key text NOT NULL REFERENCES claimdesk.topics (key),
    key text NOT NULL CHECK (claimdesk.is_key(key)),
    label text NOT NULL,
    tone text NOT NULL CHECK (tone IN ('good', 'bad', 'neutral')),
    position int NOT NULL DEFAULT 0,
    PRIMARY KEY (topic_key, key)
);

CREATE TABLE claimdesk.claims (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tool_slug text NOT NULL REFERENCES claimdesk.tools (slug),
    tier_slug text,
    topic_key text NOT NULL REFERENCES claimdesk.topics (key),
    created_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tool_slug, tier_slug) REFERENCES claimdesk.tiers (tool_slug, slug),
    UNIQUE NULLS NOT DISTINCT (tool_slug, tier_slug, topic_key),
    UNIQUE (id, topic_key)
);

CREATE TABLE claimdesk.revisions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    claim_id bigint NOT NULL,
    topic_key text NOT NULL,
    number int NOT NULL CHECK (number > 0),
    version int NOT NULL DEFAULT 1,
    state text NOT NULL DEFAULT 'draft'
        CHECK (state IN ('draft', 'reviewed', 'published', 'superseded', 'discarded', 'retracted')),
    verdict text,
    headline text NOT NULL CHECK (claimdesk.is_text(headline, 500)),
    body text NOT NULL DEFAULT '' CHECK (length(body) <= 20000),
    confidence text NOT NULL CHECK (confidence IN ('low', 'medium', 'high')),
    verified_on date NOT NULL,
    verified_by text,
    author text NOT NULL,
    editors text[] NOT NULL,
    reviewer text,
    note text,
    changes_requested boolean NOT NULL DEFAULT false,
    based_on bigint REFERENCES claimdesk.revisions (id),
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    reviewed_at timestamptz,
    published_at timestamptz,
    publish_seq bigint,
    closed_at timestamptz,
    UNIQUE (claim_id, number),
    FOREIGN KEY (claim_id, topic_key) REFERENCES claimdesk.claims (id, topic_key),
    FOREIGN KEY (topic_key, verdict) REFERENCES claimdesk.verdicts (topic_key, key),
    -- Nobody approves a revision they authored or edited.
    CONSTRAINT reviewer_is_not_an_editor CHECK (reviewer IS NULL OR NOT (reviewer = ANY (editors))),
    CONSTRAINT reviewed_has_reviewer CHECK (state IN ('draft', 'discarded') OR reviewer IS NOT NULL),
    CONSTRAINT published_has_sequence CHECK (state NOT IN ('published', 'superseded', 'retracted') OR publish_seq IS NOT NULL)
);

-- At most one live revision per claim, and one open (draft or reviewed) revision per claim.
CREATE UNIQUE INDEX revisions_one_live ON claimdesk.revisions (claim_id) WHERE state = 'published';
CREATE UNIQUE INDEX revisions_one_open ON claimdesk.revisions (claim_id) WHERE state IN ('draft', 'reviewed');
CREATE INDEX revisions_publish_seq ON claimdesk.revisions (publish_seq);

CREATE TABLE claimdesk.citations (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    revision_id bigint NOT NULL REFERENCES claimdesk.revisions (id),
    position int NOT NULL,
    url text NOT NULL CHECK (claimdesk.is_http_url(url)),
    supports text NOT NULL CHECK (claimdesk.is_text(supports, 2000)),
    dated date NOT NULL,
    title text CHECK (title IS NULL OR claimdesk.is_text(title, 500)),
    archived_url text CHECK (archived_url IS NULL OR claimdesk.is_http_url(archived_url)),
    UNIQUE (revision_id, url)
);

-- Every publish and retraction takes the next number: the export records how far it got.
CREATE SEQUENCE claimdesk.publish_seq;

CREATE TABLE claimdesk.publications (
    seq bigint PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('published', 'retracted')),
    claim_id bigint NOT NULL REFERENCES claimdesk.claims (id),
    revision_id bigint NOT NULL REFERENCES claimdesk.revisions (id),
    tool_slug text NOT NULL REFERENCES claimdesk.tools (slug),
    actor text NOT NULL DEFAULT session_user,
    note text,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX publications_tool ON claimdesk.publications (tool_slug, seq);

CREATE TABLE claimdesk.audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor text NOT NULL DEFAULT session_user,
    action text NOT NULL,
    tool_slug text,
    ref text,
    claim_id bigint,
    revision_id bigint,
    note text,
    details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_tool ON claimdesk.audit_log (tool_slug, at);
CREATE INDEX audit_log_at ON claimdesk.audit_log (at);
