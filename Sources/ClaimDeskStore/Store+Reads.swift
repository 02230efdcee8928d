import ClaimDeskDomain
import Foundation
import LibPQ

/// Reads for the editorial roles: one statement each, the database shaping the JSON.
extension Store {
    public func tools() throws(StoreError) -> [Tool] {
        struct Row: Decodable {
            var slug: String
            var name: String
            var category: String
            var official_url: String
        }
        return try call(
            """
            SELECT coalesce(jsonb_agg(to_jsonb(t) ORDER BY t.slug), '[]') FROM (
                SELECT slug, name, category, official_url FROM claimdesk.tools) t
            """, as: [Row].self
        ).map { Tool(slug: ToolSlug($0.slug), name: $0.name, category: $0.category, officialURL: $0.official_url) }
    }

    public func toolDetail(_ slug: ToolSlug) throws(StoreError) -> ToolDetail {
        struct Claim: Decodable {
            var ref: ClaimRef
            var live_number: Int?
            var live_verdict: String?
            var verified_on: Day?
            var open_number: Int?
            var open_state: RevisionState?
        }
        struct Tier: Decodable {
            var slug: String
            var name: String
        }
        struct Detail: Decodable {
            var slug: String
            var name: String
            var category: String
            var official_url: String
            var tiers: [Tier]
            var claims: [Claim]
        }
        let detail = try call(
            """
            SELECT (SELECT to_jsonb(t) || jsonb_build_object(
                'tiers', coalesce((SELECT jsonb_agg(jsonb_build_object('slug', slug, 'name', name) ORDER BY position, slug)
                                   FROM claimdesk.tiers WHERE tool_slug = t.slug), '[]'),
                'claims', coalesce((SELECT jsonb_agg(jsonb_build_object(
                        'ref', claimdesk.ref_of(c.id),
                        'live_number', l.number, 'live_verdict', l.verdict, 'verified_on', l.verified_on,
                        'open_number', o.number, 'open_state', o.state)
                        ORDER BY c.tier_slug NULLS FIRST, tp.position)
                    FROM claimdesk.claims c
                    JOIN claimdesk.topics tp ON tp.key = c.topic_key
                    LEFT JOIN claimdesk.revisions l ON l.claim_id = c.id AND l.state = 'published'
                    LEFT JOIN claimdesk.revisions o ON o.claim_id = c.id AND o.state IN ('draft', 'reviewed')
                    WHERE c.tool_slug = t.slug), '[]'))
            FROM (SELECT slug, name, category, official_url FROM claimdesk.tools WHERE slug = \(slug.rawValue)) t)
            """, as: Detail?.self)
        guard let detail else {
            throw StoreError(.notFound, "Unknown tool \"\(slug)\"", hint: "See claimdesk tool list.")
        }
        return ToolDetail(
            tool: Tool(
                slug: ToolSlug(detail.slug), name: detail.name, category: detail.category,
                officialURL: detail.official_url),
            tiers: detail.tiers.map { PlanTier(tool: slug, slug: TierSlug($0.slug), name: $0.name) },
            claims: detail.claims.map {
                .init(
                    ref: $0.ref, liveNumber: $0.live_number, liveVerdict: $0.live_verdict.map { VerdictKey($0) },
                    verifiedOn: $0.verified_on, openNumber: $0.open_number, openState: $0.open_state)
            })
    }

    public func topics() throws(StoreError) -> [Topic] {
        try call(Store.topicsQuery, as: [TopicRecord].self).map(\.topic)
    }

    static let topicsQuery: Query = """
        SELECT coalesce(jsonb_agg(jsonb_build_object(
            'key', t.key, 'heading', t.heading, 'question', t.question, 'faq_question', t.faq_question,
            'faq_answer', t.faq_answer, 'section', t.section, 'position', t.position, 'badge_position', t.badge_position,
            'verdicts', coalesce((SELECT jsonb_agg(jsonb_build_object('key', v.key, 'label', v.label, 'tone', v.tone)
                                  ORDER BY v.position, v.key) FROM claimdesk.verdicts v WHERE v.topic_key = t.key), '[]'))
            ORDER BY t.position, t.key), '[]')
        FROM claimdesk.topics t
        """

    public func claim(_ ref: ClaimRef) throws(StoreError) -> ClaimStatus {
        struct View: Decodable {
            var live: RevisionRecord?
            var open: RevisionRecord?
        }
        let view = try call("SELECT claimdesk.claim_view(\(ref.description))", as: View.self)
        var status = ClaimStatus(ref: ref, live: view.live?.revision, open: view.open?.revision)
        let flags = try sourceFlags(revisions: [status.live?.id, status.open?.id].compactMap { $0 })
        if let live = status.live { status.liveSourceFlags = flags[live.id] ?? [] }
        if let open = status.open { status.openSourceFlags = flags[open.id] ?? [] }
        return status
    }

    public func history(_ ref: ClaimRef) throws(StoreError) -> (revisions: [Revision], events: [AuditEntry]) {
        struct History: Decodable {
            var revisions: [RevisionRecord]
            var events: [AuditRecord]
        }
        let history = try call("SELECT claimdesk.claim_history(\(ref.description))", as: History.self)
        return (history.revisions.map(\.revision), history.events.map(\.entry))
    }

    public func diff(_ ref: ClaimRef) throws(StoreError) -> RevisionDiff {
        let status = try claim(ref)
        return RevisionDiff(ref: ref, live: status.live, open: status.open)
    }

    /// What changed in `ref`'s open revision since a reviewer last sent it back (`claimdesk.sent_back` keeps the
    /// revision as it was then).
    public func sentBackDiff(_ ref: ClaimRef) throws(StoreError) -> SentBackDiff {
        struct Snapshot: Decodable {
            var version: Int
            var reviewer: String
            var note: String?
            var at: Date
            var revision: RevisionRecord
        }
        struct Result: Decodable {
            var open: RevisionRecord?
            var sent_back: Snapshot?
        }
        let result = try call(
            """
            SELECT jsonb_build_object(
                'open', claimdesk.revision_json(o.id),
                'sent_back', (SELECT jsonb_build_object('version', s.version, 'reviewer', s.reviewer, 'note', s.note,
                                                        'at', s.at, 'revision', s.revision)
                              FROM claimdesk.sent_back s WHERE s.revision_id = o.id ORDER BY s.id DESC LIMIT 1))
            FROM (SELECT (SELECT id FROM claimdesk.revisions
                          WHERE claim_id = (claimdesk.resolve_claim(\(ref.description), false)).id
                            AND state IN ('draft', 'reviewed')) AS id) o
            """, as: Result.self)
        guard let open = result.open else {
            throw StoreError(
                .notFound, "\(ref) has no open revision, so nothing was sent back",
                hint: "See claimdesk claim history \(ref).")
        }
        guard let snapshot = result.sent_back else {
            throw StoreError(
                .notFound, "Revision \(open.number) of \(ref) was never sent back",
                hint: "Compare it with the live revision: claimdesk claim diff \(ref).")
        }
        return SentBackDiff(
            ref: ref, sentBack: snapshot.revision.revision, now: open.revision, sentBackVersion: snapshot.version,
            sentBackAt: snapshot.at, sentBackBy: snapshot.reviewer, note: snapshot.note)
    }

    /// Open revisions, reviewed first; only `tool`'s with `tool`, only those the caller wrote or edited with `mine`.
    public func reviewQueue(tool: ToolSlug? = nil, mine: Bool = false) throws(StoreError) -> [ReviewItem] {
        struct Item: Decodable {
            var ref: ClaimRef
            var number: Int
            var state: RevisionState
            var author: String
            var editors: [String]
            var headline: String
            var citations: Int
            var changes_requested: Bool
            var note: String?
            var updated_at: Date
            var is_change: Bool
            var source_flags: [SourceFlag]
        }
        return try call(
            """
            SELECT coalesce(jsonb_agg(jsonb_build_object(
                'ref', claimdesk.ref_of(r.claim_id), 'number', r.number, 'state', r.state, 'author', r.author,
                'editors', to_jsonb(r.editors), 'headline', r.headline,
                'citations', (SELECT count(*) FROM claimdesk.citations c WHERE c.revision_id = r.id),
                'changes_requested', r.changes_requested, 'note', r.note, 'updated_at', r.updated_at,
                'is_change', EXISTS (SELECT 1 FROM claimdesk.revisions l WHERE l.claim_id = r.claim_id AND l.state = 'published'),
                'source_flags', claimdesk.source_flags(r.id))
                ORDER BY r.state DESC, r.updated_at, r.id), '[]')
            FROM claimdesk.revisions r JOIN claimdesk.claims c ON c.id = r.claim_id
            WHERE r.state IN ('draft', 'reviewed')
              AND (\(tool?.rawValue)::text IS NULL OR c.tool_slug = \(tool?.rawValue))
              AND (NOT \(mine) OR session_user = ANY (r.editors))
            """, as: [Item].self
        ).map {
            var item = ReviewItem(
                ref: $0.ref, number: $0.number, state: $0.state, author: $0.author, editors: $0.editors,
                headline: $0.headline, citationCount: $0.citations, changesRequested: $0.changes_requested,
                note: $0.note, updatedAt: $0.updated_at, isChange: $0.is_change)
            item.sourceFlags = $0.source_flags
            return item
        }
    }

    /// Live claims verified more than `olderThan` days before today (UTC).
    public func stale(olderThan days: Int) throws(StoreError) -> [StaleClaim] {
        struct Item: Decodable {
            var ref: ClaimRef
            var verified_on: Day
            var age: Int
            var headline: String
            var source_flags: [SourceFlag]
        }
        return try call(
            """
            SELECT coalesce(jsonb_agg(jsonb_build_object('ref', claimdesk.ref_of(claim_id), 'verified_on', verified_on,
                'age', (now() AT TIME ZONE 'UTC')::date - verified_on, 'headline', headline,
                'source_flags', claimdesk.source_flags(id))
                ORDER BY verified_on, claimdesk.ref_of(claim_id)), '[]')
            FROM claimdesk.revisions
            WHERE state = 'published' AND verified_on < (now() AT TIME ZONE 'UTC')::date - \(days)::int
            """, as: [Item].self
        ).map {
            var claim = StaleClaim(ref: $0.ref, verifiedOn: $0.verified_on, ageDays: $0.age, headline: $0.headline)
            claim.sourceFlags = $0.source_flags
            return claim
        }
    }

    public func audit(tool: ToolSlug?, since: Day?, limit: Int = 1000) throws(StoreError) -> [AuditEntry] {
        try call(
            """
            SELECT coalesce(jsonb_agg(e ORDER BY (e->>'id')::bigint), '[]') FROM (
                SELECT jsonb_build_object('id', a.id, 'at', a.at, 'actor', a.actor, 'action', a.action,
                    'tool', a.tool_slug, 'ref', a.ref, 'revision', (a.details->>'revision')::int, 'note', a.note,
                    'details', a.details) AS e
                FROM claimdesk.audit_log a
                WHERE (\(tool?.rawValue)::text IS NULL OR a.tool_slug = \(tool?.rawValue))
                  AND (\(since?.description)::date IS NULL OR a.at >= \(since?.description)::date)
                ORDER BY a.id DESC LIMIT \(limit)) x
            """, as: [AuditRecord].self
        ).map(\.entry)
    }

    public func people() throws(StoreError) -> [Person] {
        struct Item: Decodable {
            var handle: String
            var name: String?
            var roles: [String]
        }
        return try call(
            """
            SELECT coalesce(jsonb_agg(jsonb_build_object('handle', m.handle, 'name', p.display_name, 'roles', m.roles)
                ORDER BY m.handle), '[]')
            FROM (SELECT mb.handle, jsonb_agg(mb.role ORDER BY mb.role) AS roles
                  FROM claimdesk.members mb
                  WHERE CASE WHEN EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = mb.handle)
                        THEN pg_has_role(mb.handle, 'claimdesk_' || mb.role, 'MEMBER') END
                  GROUP BY mb.handle) m
            LEFT JOIN claimdesk.people p ON p.handle = m.handle
            """, as: [Item].self
        ).map { Person(handle: $0.handle, name: $0.name, roles: $0.roles) }
    }
}
