import ClaimDeskDomain
import Foundation
import LibPQ

/// Reads what is published — and only that — in one consistent snapshot with a fixed number of statements,
/// streaming tools one at a time so memory stays flat however large the catalogue.
extension Store {
    /// Streams every published tool (or only those changed after `since`) to `body`, in slug order.
    ///
    /// `begin`, when given, receives the vocabulary and every tool with a live claim before the first tool arrives
    /// (an exporter needs both up front); it costs one more statement.
    public func exportSnapshot(
        changedAfter since: Int64? = nil, watchChangedAfter watchSince: Int64? = nil, feedLimit: Int = 50,
        begin: ((_ topics: [Topic], _ liveTools: [Tool]) throws -> Void)? = nil,
        _ body: (PublishedTool) throws -> Void
    ) throws -> ExportSnapshot {
        do {
            return try connection.withTransaction(isolation: .repeatableRead, readOnly: true) {
                try readSnapshot(
                    since: since ?? -1, watchSince: since == nil ? -1 : (watchSince ?? 0), feedLimit: feedLimit,
                    begin: begin, body)
            }
        } catch let error as PostgresError {
            throw StoreError(error)
        }
    }

    /// Reads the whole published catalogue into memory: convenient for tests and small sites.
    /// `watchChangedAfter` adds the tools whose live citations' sources were checked after that watch position.
    public func publishedCatalog(
        changedAfter since: Int64? = nil, watchChangedAfter watchSince: Int64? = nil, feedLimit: Int = 50
    ) throws -> PublishedCatalog {
        var tools: [PublishedTool] = []
        let snapshot = try exportSnapshot(changedAfter: since, watchChangedAfter: watchSince, feedLimit: feedLimit) {
            tools.append($0)
        }
        var catalog = PublishedCatalog(
            topics: snapshot.topics, tools: tools, changes: snapshot.changes, seq: snapshot.seq)
        catalog.watchSeq = snapshot.watchSeq
        return catalog
    }

    private func readSnapshot(
        since: Int64, watchSince: Int64, feedLimit: Int,
        begin: ((_ topics: [Topic], _ liveTools: [Tool]) throws -> Void)?,
        _ body: (PublishedTool) throws -> Void
    ) throws
        -> ExportSnapshot
    {
        // JIT compiling the export query took longer (about 1 s at 1,000 tools) than running it: the planner's
        // cost estimate is high, but every row is read once. The settings are local to this read-only transaction.
        let seqRow = try connection.query(
            """
            SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true),
                   -- The gap-free counter is the largest publication number, read without scanning the log.
                   CASE WHEN claimdesk.holds('exporter|editor|reviewer|admin') THEN claimdesk.last_publish_seq()
                        ELSE 0 END AS seq,
                   (SELECT coalesce(max(seq), 0) FROM claimdesk.watch_log) AS watch_seq
            """)
        let seq = try seqRow.first?.decode("seq", as: Int64.self) ?? 0
        let watchSeq = try seqRow.first?.decode("watch_seq", as: Int64.self) ?? 0
        let topics = try call(Store.topicsQuery, as: [TopicRecord].self).map(\.topic)
        if let begin {
            var live: [Tool] = []
            try connection.stream(
                """
                SELECT t.slug, t.name, t.category, t.official_url FROM claimdesk.tools t
                WHERE EXISTS (SELECT 1 FROM claimdesk.live_claims lc WHERE lc.tool_slug = t.slug)
                ORDER BY t.slug
                """
            ) { row in
                live.append(
                    Tool(
                        slug: ToolSlug(try row.decode(0, as: String.self)), name: try row.decode(1, as: String.self),
                        category: try row.decode(2, as: String.self), officialURL: try row.decode(3, as: String.self)))
            }
            try begin(topics, live)
        }

        var toolSeqs: [ToolSlug: Int64] = [:]
        var tiers: [ToolSlug: [PlanTier]] = [:]
        // An incremental export reads its few tools' tiers through the index; a join scanned all of them.
        let tierRows: Query =
            since < 0
            ? "SELECT t.tool_slug, t.slug, t.name FROM claimdesk.tiers t ORDER BY t.tool_slug, t.position, t.slug"
            : Self.afterTouchedTools(
                since: since, watchSince: watchSince,
                """
                SELECT t.tool_slug, t.slug, t.name FROM touched_slugs x
                CROSS JOIN LATERAL (SELECT * FROM claimdesk.tiers t WHERE t.tool_slug = x.tool_slug OFFSET 0) t
                ORDER BY t.tool_slug, t.position, t.slug
                """)
        try connection.stream(tierRows) { row in
            let tool = ToolSlug(try row.decode(0, as: String.self))
            tiers[tool, default: []].append(
                PlanTier(
                    tool: tool, slug: TierSlug(try row.decode(1, as: String.self)),
                    name: try row.decode(2, as: String.self)))
        }

        // A full export reads each tool's change log in its own rows of the one streamed query (`part` 0, before
        // the tool's claims), so no export holds the whole history in memory; an incremental one reads its few tools'
        // changes up front.
        let inStreamChanges = since < 0
        let toolChanges = inStreamChanges ? [:] : try changesByTool(since: since, watchSince: watchSince)
        var changes: [ChangeEvent] = []
        try connection.stream(
            "SELECT seq, kind, ref, tool_name, at, summary FROM claimdesk.recent_changes(\(feedLimit))"
        ) { row in
            let kindText = try row.decode(1, as: String.self)
            let refText = try row.decode(2, as: String.self)
            guard let kind = ChangeEvent.Kind(rawValue: kindText), let ref = ClaimRef(refText) else {
                throw StoreError(
                    .database, "A publication has an unreadable kind or claim (\(kindText), \(refText))",
                    hint: "Check the publications row; nothing was exported.")
            }
            changes.append(
                ChangeEvent(
                    seq: try row.decode(0, as: Int64.self), kind: kind, ref: ref,
                    toolName: try row.decode(3, as: String.self), at: try row.decode(4, as: Date.self),
                    summary: try row.decode(5, as: String.self)))
        }
        // A full export (`since` < 0) reads every tool that was ever published, tool by tool in slug order through
        // the indexes, so rows stream from the first tool on and rendering overlaps the query. The OFFSET 0 laterals
        // keep the security-barrier views from being joined whole; without sorts enabled, the planner keeps the
        // slug order of the tools index instead of sorting the whole result before the first row; the order within a
        // tool is restored by `ExportToolRows`. An incremental export reads its few tools the same way: 178 ms -> 10 ms
        // for the main query of one tool of 1,000. Sorts go off only here: with them off from the start, the
        // statements above (tiers, the feed's latest changes) kept the first row waiting 8 s at 10,000 tools.
        if since < 0 { _ = try connection.query("SELECT set_config('enable_sort', 'off', true)") }
        let rows: Query =
            since < 0
            ? """
            WITH states AS MATERIALIZED (SELECT * FROM claimdesk.live_source_states())
            SELECT t.slug, t.name, t.category, t.official_url, x.last_seq,
                   z.revision_id, z.tier_slug, z.topic_key, z.verdict, z.headline, z.body, z.confidence,
                   z.verified_on, z.publish_seq, z.published_at,
                   z.url, z.supports, z.dated, z.title, z.archived_url, z.quote, z.state, z.checked_at,
                   z.part, z.change_id, z.change_seq, z.day, z.ref, z.kind, z.old_label, z.new_label, z.old_headline,
                   z.new_headline, z.note, z.item_seq, z.position
            FROM claimdesk.tools t
            JOIN LATERAL (
                SELECT max(p.seq) AS last_seq FROM claimdesk.publication_log p WHERE p.tool_slug = t.slug OFFSET 0) x
                ON x.last_seq IS NOT NULL
            LEFT JOIN LATERAL (
                SELECT 0 AS part, NULL::bigint AS revision_id, NULL::text AS tier_slug, NULL::text AS topic_key,
                       NULL::text AS verdict, NULL::text AS headline, NULL::text AS body, NULL::text AS confidence,
                       NULL::date AS verified_on, NULL::bigint AS publish_seq, NULL::timestamptz AS published_at,
                       NULL::text AS url, NULL::text AS supports, NULL::date AS dated, NULL::text AS title,
                       NULL::text AS archived_url, NULL::text AS quote, NULL::text AS state, NULL::text AS checked_at,
                       NULL::int AS position, ch.change_id, ch.change_seq, ch.day, ch.ref, ch.kind, ch.old_label,
                       ch.new_label, ch.old_headline, ch.new_headline, ch.note, ch.seq AS item_seq
                FROM claimdesk.change_log_items ch WHERE ch.tool_slug = t.slug
                UNION ALL
                SELECT 1, lc.revision_id, lc.tier_slug, lc.topic_key, lc.verdict, lc.headline, lc.body, lc.confidence,
                       lc.verified_on, lc.publish_seq, lc.published_at, ci.url, ci.supports, ci.dated, ci.title,
                       ci.archived_url, ci.quote, ss.state,
                       to_char(ss.checked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), ci.position,
                       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
                FROM (SELECT * FROM claimdesk.live_claims l WHERE l.tool_slug = t.slug OFFSET 0) lc
                LEFT JOIN LATERAL (
                    SELECT * FROM claimdesk.live_citations c WHERE c.revision_id = lc.revision_id OFFSET 0) ci ON true
                LEFT JOIN states ss
                       ON ss.url = ci.url AND ss.verified_on = lc.verified_on AND ss.quote IS NOT DISTINCT FROM ci.quote
            ) z ON true
            ORDER BY t.slug
            """
            : Self.afterTouchedTools(
                since: since, watchSince: watchSince,
                """
                    ,
                -- Each touched tool's last publication through the index; an IN over the log scanned all of it (200 ms
                -- at 10,000 tools) because the planner cannot know how few tools are touched.
                touched AS MATERIALIZED (
                    SELECT s.tool_slug, x.last_seq FROM touched_slugs s
                    CROSS JOIN LATERAL (
                        SELECT max(p.seq) AS last_seq FROM claimdesk.publication_log p
                        WHERE p.tool_slug = s.tool_slug OFFSET 0) x
                    WHERE x.last_seq IS NOT NULL),
                states AS MATERIALIZED (SELECT * FROM claimdesk.live_source_states())
                SELECT t.slug, t.name, t.category, t.official_url, x.last_seq,
                       lc.revision_id, lc.tier_slug, lc.topic_key, lc.verdict, lc.headline, lc.body, lc.confidence,
                       lc.verified_on, lc.publish_seq, lc.published_at,
                       ci.url, ci.supports, ci.dated, ci.title, ci.archived_url, ci.quote, ss.state,
                       to_char(ss.checked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), ci.position
                FROM touched x
                JOIN claimdesk.tools t ON t.slug = x.tool_slug
                LEFT JOIN LATERAL (SELECT * FROM claimdesk.live_claims l WHERE l.tool_slug = t.slug OFFSET 0) lc ON true
                LEFT JOIN LATERAL (
                    SELECT * FROM claimdesk.live_citations c WHERE c.revision_id = lc.revision_id OFFSET 0) ci ON true
                LEFT JOIN states ss
                       ON ss.url = ci.url AND ss.verified_on = lc.verified_on AND ss.quote IS NOT DISTINCT FROM ci.quote
                ORDER BY t.slug, lc.tier_slug NULLS FIRST, lc.topic_key, ci.position
                """)
        var current: ExportToolRows?
        func flushTool() throws {
            if let rows = current.take() { try body(rows.finished()) }
        }
        let positionColumn = inStreamChanges ? 35 : 23
        func read(_ row: some RowReading) throws {
            let slug = ToolSlug(try row.decode(0, as: String.self))
            if current?.slug != slug {
                try flushTool()
                let lastSeq = try row.decode(4, as: Int64.self)
                guard toolSeqs.updateValue(lastSeq, forKey: slug) == nil else {
                    throw StoreError(
                        .database, "The export query returned the rows of \(slug) apart from each other",
                        hint: "Nothing was exported; report this with the PostgreSQL version and the query plan.")
                }
                current = ExportToolRows(
                    PublishedTool(
                        tool: Tool(
                            slug: slug, name: try row.decode(1, as: String.self),
                            category: try row.decode(2, as: String.self),
                            officialURL: try row.decode(3, as: String.self)),
                        tiers: tiers[slug] ?? [], claims: [], lastSeq: lastSeq, changes: toolChanges[slug] ?? []))
            }
            if inStreamChanges, try row.decode(23, as: Int?.self) == 0 {
                current?.addChangeItem(
                    try Self.changeItem(row, from: 24, of: slug), of: try Self.change(row, from: 24, of: slug),
                    id: try row.decode(24, as: Int64.self), itemSeq: try row.decode(34, as: Int64.self))
                return
            }
            guard let revisionID = try row.decode(5, as: Int64?.self) else { return }
            if current?.hasClaim(revision: revisionID) != true {
                let topic = TopicKey(try row.decode(7, as: String.self))
                let tier = try row.decode(6, as: String?.self).map { TierSlug($0) }
                let verified = try Self.day(row, 12) { "Revision \(revisionID) has an unreadable verified-on date" }
                current?.addClaim(
                    PublishedClaim(
                        ref: ClaimRef(tool: slug, tier: tier, topic: topic),
                        verdict: try row.decode(8, as: String?.self).map { VerdictKey($0) },
                        headline: try row.decode(9, as: String.self), body: try row.decode(10, as: String.self),
                        confidence: Confidence(rawValue: try row.decode(11, as: String.self)) ?? .low,
                        verifiedOn: verified, publishSeq: try row.decode(13, as: Int64.self),
                        publishedAt: try row.decode(14, as: Date.self), citations: []),
                    revision: revisionID)
            }
            if let url = try row.decode(15, as: String?.self) {
                let dated = try Self.day(row, 17) { "A citation of revision \(revisionID) has an unreadable date" }
                current?.addCitation(
                    Citation(
                        url: url, supports: try row.decode(16, as: String.self), dated: dated,
                        title: try row.decode(18, as: String?.self), archivedURL: try row.decode(19, as: String?.self),
                        quote: try row.decode(20, as: String?.self),
                        sourceState: try row.decode(21, as: String?.self).flatMap(SourceState.init(rawValue:))
                            ?? .unchecked,
                        sourceCheckedAt: try row.decode(22, as: String?.self)),
                    position: try row.decode(positionColumn, as: Int.self), revision: revisionID)
            }
        }
        // The full export's 900,000 rows (at 10,000 tools) come through COPY, which takes no binds; an incremental
        // export's few rows stream with its bind values.
        if since < 0 {
            try connection.streamCopy(rows, columns: Self.fullExportColumns) { try read($0) }
        } else {
            try connection.stream(rows) { try read($0) }
        }
        try flushTool()

        var snapshot = ExportSnapshot(topics: topics, changes: changes, seq: seq, toolSeqs: toolSeqs)
        snapshot.watchSeq = watchSeq
        return snapshot
    }

    /// The names of the full export query's columns, in order, for decoding errors.
    static let fullExportColumns = [
        "slug", "name", "category", "official_url", "last_seq", "revision_id", "tier_slug", "topic_key", "verdict",
        "headline", "body", "confidence", "verified_on", "publish_seq", "published_at", "url", "supports", "dated",
        "title", "archived_url", "quote", "state", "checked_at", "part", "change_id", "change_seq", "day", "ref",
        "kind", "old_label", "new_label", "old_headline", "new_headline", "note", "item_seq", "position",
    ]

    /// Live claims verified after `day`, newest first (at most `limit`): an export judged as of an earlier day
    /// calls them fresh or stale relative to a day before anyone checked them. Readable by the exporter.
    public func liveClaimsVerified(after day: Day, limit: Int = 3) throws(StoreError) -> (
        count: Int, examples: [String]
    ) {
        struct Result: Decodable {
            var count: Int
            var examples: [String]
        }
        let result = try call(
            """
            SELECT jsonb_build_object('count', count(*),
                'examples', coalesce(to_jsonb((array_agg(ref ORDER BY verified_on DESC, ref))[1:\(limit)::int]), '[]'))
            FROM (SELECT tool_slug || coalesce('/' || tier_slug, '') || ':' || topic_key || ' (' || verified_on || ')' AS ref,
                         verified_on
                  FROM claimdesk.live_claims WHERE verified_on > \(day.description)::date) x
            """, as: Result.self)
        return (result.count, result.examples)
    }

    /// The `date` in column `index` as a `Day`, in either of the forms rows arrive in (text, or COPY's binary
    /// form); `problem` says whose date it is when it is not a day of years 1–9999 (or NULL).
    static func day(_ row: some RowReading, _ index: Int, _ problem: () -> String) throws -> Day {
        let date: PostgresDate
        do {
            date = try row.decode(index, as: PostgresDate.self)
        } catch {
            throw StoreError(
                .database, "\(problem()): \(error)", hint: "Check the row and the column's type; nothing was exported.")
        }
        guard let civil = date.civil, civil.year <= 9999,
            let day = Day(year: civil.year, month: civil.month, day: civil.day)
        else {
            throw StoreError(
                .database, "\(problem()) (\(date.daysSince2000) days after 2000-01-01)",
                hint: "Check the row; a published date is a day of years 1 to 9999. Nothing was exported.")
        }
        return day
    }
}
