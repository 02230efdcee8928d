import ClaimDeskDomain
import Foundation
import LibPQ

/// Writes the editorial record out as an authoring document, in canonical order, so that a dump imported into
/// an empty database and published gives the same site.
extension Store {
    /// Tools, tiers and each claim's live revision with its citations — or, with `open`, the open revision
    /// where there is one. Claims with nothing live (or open) are left out. Live dumps read only what the
    /// exporter may read, so an exporter can dump too.
    public func dump(tool: ToolSlug? = nil, open: Bool = false) throws(StoreError) -> AuthoringDocument {
        struct Row: Decodable {
            struct CitationRow: Decodable {
                var url: String
                var supports: String
                var dated: Day
                var title: String?
                var archived_url: String?
                var quote: String?
            }
            var ref: ClaimRef
            var verdict: String?
            var headline: String
            var body: String
            var confidence: Confidence
            var verified_on: Day
            var verified_by: String?
            var citations: [CitationRow]
        }
        struct Tier: Decodable {
            var slug: String
            var name: String
        }
        struct ToolRow: Decodable {
            var slug: String
            var name: String
            var category: String
            var official_url: String
            var tiers: [Tier]
        }
        struct Dump: Decodable {
            var tools: [ToolRow]
            var claims: [Row]
        }
        let slug = tool?.rawValue
        // Static SQL text only; the one value is bound as $1.
        let sql =
            "SELECT jsonb_build_object('tools', (\(Store.dumpTools)), 'claims', (\(open ? Store.dumpOpenClaims : Store.dumpLiveClaims)))"
        let dump = try call(Query(unsafeSQL: sql, binds: [slug]), as: Dump.self)
        if let tool, dump.tools.isEmpty {
            throw StoreError(.notFound, "Unknown tool \"\(tool)\"", hint: "See claimdesk tool list.")
        }
        return AuthoringDocument(
            tools: dump.tools.map {
                ToolEntry(
                    slug: ToolSlug($0.slug), name: $0.name, category: $0.category, url: $0.official_url,
                    tiers: $0.tiers.map { TierEntry(slug: TierSlug($0.slug), name: $0.name) })
            },
            claims: dump.claims.map { row in
                ClaimEntry(
                    ref: row.ref, verdict: row.verdict.map { VerdictKey($0) }, headline: row.headline, body: row.body,
                    confidence: row.confidence, verified: row.verified_on, verifiedBy: row.verified_by,
                    citations: row.citations.map {
                        CitationEntry(
                            url: $0.url, supports: $0.supports, dated: $0.dated, title: $0.title,
                            archivedURL: $0.archived_url, quote: $0.quote)
                    })
            })
    }

    private static let dumpTools = """
        SELECT coalesce(jsonb_agg(jsonb_build_object('slug', t.slug, 'name', t.name, 'category', t.category,
            'official_url', t.official_url,
            'tiers', coalesce((SELECT jsonb_agg(jsonb_build_object('slug', ti.slug, 'name', ti.name)
                                ORDER BY ti.position, ti.slug)
                               FROM claimdesk.tiers ti WHERE ti.tool_slug = t.slug), '[]'))
            ORDER BY t.slug), '[]')
        FROM claimdesk.tools t WHERE $1::text IS NULL OR t.slug = $1
        """

    private static let dumpLiveClaims = """
        SELECT coalesce(jsonb_agg(jsonb_build_object(
            'ref', lc.tool_slug || coalesce('/' || lc.tier_slug, '') || ':' || lc.topic_key,
            'verdict', lc.verdict, 'headline', lc.headline, 'body', lc.body, 'confidence', lc.confidence,
            'verified_on', lc.verified_on, 'verified_by', lc.verified_by,
            'citations', coalesce((SELECT jsonb_agg(jsonb_build_object('url', ci.url, 'supports', ci.supports,
                    'dated', ci.dated, 'title', ci.title, 'archived_url', ci.archived_url, 'quote', ci.quote) ORDER BY ci.position)
                FROM claimdesk.live_citations ci WHERE ci.revision_id = lc.revision_id), '[]'))
            ORDER BY lc.tool_slug, lc.tier_slug IS NOT NULL, ti.position, lc.tier_slug, tp.position, lc.topic_key), '[]')
        FROM claimdesk.live_claims lc
        JOIN claimdesk.topics tp ON tp.key = lc.topic_key
        LEFT JOIN claimdesk.tiers ti ON ti.tool_slug = lc.tool_slug AND ti.slug = lc.tier_slug
        WHERE $1::text IS NULL OR lc.tool_slug = $1
        """

    private static let dumpOpenClaims = """
        SELECT coalesce(jsonb_agg(jsonb_build_object(
            'ref', claimdesk.ref_of(c.id),
            'verdict', r.verdict, 'headline', r.headline, 'body', r.body, 'confidence', r.confidence,
            'verified_on', r.verified_on, 'verified_by', r.verified_by,
            'citations', coalesce((SELECT jsonb_agg(jsonb_build_object('url', ci.url, 'supports', ci.supports,
                    'dated', ci.dated, 'title', ci.title, 'archived_url', ci.archived_url, 'quote', ci.quote) ORDER BY ci.position, ci.id)
                FROM claimdesk.citations ci WHERE ci.revision_id = r.id), '[]'))
            ORDER BY c.tool_slug, c.tier_slug IS NOT NULL, ti.position, c.tier_slug, tp.position, c.topic_key), '[]')
        FROM claimdesk.claims c
        JOIN LATERAL (SELECT * FROM claimdesk.revisions x
                      WHERE x.claim_id = c.id AND x.state IN ('draft', 'reviewed', 'published')
                      ORDER BY x.state = 'published' LIMIT 1) r ON true
        JOIN claimdesk.topics tp ON tp.key = c.topic_key
        LEFT JOIN claimdesk.tiers ti ON ti.tool_slug = c.tool_slug AND ti.slug = c.tier_slug
        WHERE $1::text IS NULL OR c.tool_slug = $1
        """
}
