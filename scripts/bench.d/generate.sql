-- A synthetic, clearly fictional catalogue for benchmarks: :tools tools, each with 3 plan tiers,
-- 3 tool-level claims and 9 claims per tier (30 claims), 2 citations per claim; all published.
-- Goes through the real tables and triggers (as the owner), so every invariant still holds.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET synchronous_commit = off;

INSERT INTO claimdesk.tools (slug, name, category, official_url)
SELECT format('bench-%s', lpad(i::text, 5, '0')), format('Benchtool %s (fictional)', lpad(i::text, 5, '0')),
       'Synthetic benchmark tool', format('https://bench-%s.example.org', i)
FROM generate_series(1, :tools) i;

INSERT INTO claimdesk.tiers (tool_slug, slug, name, position)
SELECT t.slug, tier.slug, initcap(tier.slug) || ' plan', tier.pos
FROM claimdesk.tools t
CROSS JOIN (VALUES ('free', 1), ('team', 2), ('enterprise', 3)) AS tier(slug, pos)
WHERE t.slug LIKE 'bench-%';

INSERT INTO claimdesk.claims (tool_slug, tier_slug, topic_key)
SELECT t.slug, NULL, tp.key FROM claimdesk.tools t
CROSS JOIN (VALUES ('training'), ('opt_out'), ('zero_retention')) tp(key)
WHERE t.slug LIKE 'bench-%'
UNION ALL
SELECT ti.tool_slug, ti.slug, tp.key FROM claimdesk.tiers ti
CROSS JOIN claimdesk.topics tp
WHERE ti.tool_slug LIKE 'bench-%';

INSERT INTO claimdesk.revisions (claim_id, topic_key, number, verdict, headline, body, confidence, verified_on,
                                 verified_by, author, editors)
SELECT c.id, c.topic_key, 1,
       (SELECT v.key FROM claimdesk.verdicts v WHERE v.topic_key = c.topic_key ORDER BY v.position, v.key
        OFFSET (c.id % 3) LIMIT 1),
       format('Synthetic answer %s for %s.', c.id, c.topic_key),
       repeat(format('Benchmark body text for claim %s; it stands in for two or three sentences of real prose. ', c.id), 3),
       (ARRAY['low', 'medium', 'high'])[1 + c.id % 3], DATE '2026-06-01' - (c.id % 400)::int, 'bench', 'bench_editor',
       ARRAY['bench_editor']
FROM claimdesk.claims c JOIN claimdesk.tools t ON t.slug = c.tool_slug
WHERE t.slug LIKE 'bench-%';

INSERT INTO claimdesk.citations (revision_id, position, url, supports, dated)
SELECT r.id, n, format('https://bench-%s.example.org/policy/%s#%s', r.claim_id % 997, n, r.claim_id),
       format('Fictional source %s supporting synthetic claim %s.', n, r.claim_id), DATE '2026-05-01'
FROM claimdesk.revisions r
JOIN claimdesk.claims c ON c.id = r.claim_id
CROSS JOIN generate_series(1, 2) n
WHERE c.tool_slug LIKE 'bench-%' AND r.state = 'draft';

UPDATE claimdesk.revisions r SET state = 'reviewed', reviewer = 'bench_reviewer', reviewed_at = now()
FROM claimdesk.claims c WHERE c.id = r.claim_id AND c.tool_slug LIKE 'bench-%' AND r.state = 'draft';

-- Published 100 tools per transaction: each publish takes its number from the one counter row (gap-free, sql/0007),
-- and a transaction that updates that row 300,000 times walks ever longer chains of its own row versions.
SELECT format($$UPDATE claimdesk.revisions r SET state = 'published'
               FROM claimdesk.claims c WHERE c.id = r.claim_id AND c.tool_slug >= %L AND c.tool_slug < %L
                 AND c.tool_slug LIKE 'bench-%%' AND r.state = 'reviewed'$$,
              format('bench-%s', lpad(i::text, 5, '0')), format('bench-%s', lpad((i + 100)::text, 5, '0')))
FROM generate_series(0, :tools, 100) i
\gexec

-- Whatever is still reviewed: nothing after the chunked statements above; everything when a test runs this file without
-- psql (the SELECT above then only lists the statements).
UPDATE claimdesk.revisions r SET state = 'published'
FROM claimdesk.claims c WHERE c.id = r.claim_id AND c.tool_slug LIKE 'bench-%' AND r.state = 'reviewed';

ANALYZE;
