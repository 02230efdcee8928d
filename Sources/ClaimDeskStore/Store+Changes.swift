import ClaimDeskDomain
import Foundation
import LibPQ

/// The recorded changes (sql/0008): what the page's "What changed" section and the feeds are made of.
extension Store {
    /// The changes of every tool the snapshot re-reads (published or retracted after `since`, or whose cited sources
    /// were checked after `watchSince`), newest first per tool, in one statement.
    func changesByTool(since: Int64, watchSince: Int64) throws -> [ToolSlug: [ToolChange]] {
        var result: [ToolSlug: [ToolChange]] = [:]
        var current: (slug: ToolSlug, id: Int64, change: ToolChange)?
        func flush() {
            if let current { result[current.slug, default: []].append(current.change) }
            current = nil
        }
        try connection.stream(
            Self.afterTouchedTools(
                since: since, watchSince: watchSince,
                """
                -- Per tool through the index (OFFSET 0 keeps the security-barrier view from being read whole).
                SELECT c.tool_slug, c.change_id, c.change_seq, c.day, c.ref, c.kind, c.old_label, c.new_label,
                       c.old_headline, c.new_headline, c.note
                FROM touched_slugs x
                CROSS JOIN LATERAL (
                    SELECT * FROM claimdesk.change_log_items i WHERE i.tool_slug = x.tool_slug OFFSET 0) c
                ORDER BY c.tool_slug, c.change_seq DESC, c.change_id, c.seq
                """)
        ) { row in
            let slug = ToolSlug(try row.decode(0, as: String.self))
            let id = try row.decode(1, as: Int64.self)
            if current?.slug != slug || current?.id != id {
                flush()
                current = (slug, id, try Self.change(row, from: 1, of: slug))
            }
            current?.change.items.append(try Self.changeItem(row, from: 1, of: slug))
        }
        flush()
        return result
    }

    /// The SQL of the tools an incremental export re-reads — published or retracted after `$1`, or citing a source
    /// checked after `$2` — as the CTE `touched_slugs`, followed by `rest`. The export's incremental statements all
    /// start from it.
    static func afterTouchedTools(since: Int64, watchSince: Int64, _ rest: String) -> Query {
        Query(
            unsafeSQL: """
                WITH touched_slugs AS MATERIALIZED (
                    SELECT tool_slug FROM claimdesk.publication_log WHERE seq > $1::bigint
                    UNION
                    SELECT lc.tool_slug FROM claimdesk.live_claims lc
                    JOIN claimdesk.live_citations ci ON ci.revision_id = lc.revision_id
                    WHERE ci.url IN (SELECT url FROM claimdesk.watch_log WHERE seq > $2::bigint))
                """ + "\n" + rest,
            binds: [String(since), String(watchSince)])
    }

    /// A change's number and day from a `change_log_items` row whose `change_id` is at column `first` (then
    /// `change_seq`, `day`, `ref`, `kind`, `old_label`, `new_label`, `old_headline`, `new_headline`, `note`).
    static func change(_ row: some RowReading, from first: Int, of slug: ToolSlug) throws -> ToolChange {
        let day = try Self.day(row, first + 2) { "A change of \(slug) has an unreadable day" }
        return ToolChange(seq: try row.decode(first + 1, as: Int64.self), day: day, items: [])
    }

    /// The item of the same row (see `change(_:from:of:)`).
    static func changeItem(_ row: some RowReading, from first: Int, of slug: ToolSlug) throws -> ToolChange.Item {
        let refText = try row.decode(first + 3, as: String.self)
        let kindText = try row.decode(first + 4, as: String.self)
        guard let ref = ClaimRef(refText), let kind = ToolChange.Kind(rawValue: kindText) else {
            throw StoreError(
                .database, "A change of \(slug) has an unreadable item (\(refText), \(kindText))",
                hint: "Check the change_items row; nothing was exported.")
        }
        return ToolChange.Item(
            ref: ref, kind: kind, oldLabel: try row.decode(first + 5, as: String?.self),
            newLabel: try row.decode(first + 6, as: String?.self),
            oldHeadline: try row.decode(first + 7, as: String?.self),
            newHeadline: try row.decode(first + 8, as: String?.self), note: try row.decode(first + 9, as: String?.self))
    }
}

/// One element of `change_log.items`.
struct ChangeItemRecord: Decodable {
    var ref: ClaimRef
    var kind: ToolChange.Kind
    var oldLabel: String?
    var newLabel: String?
    var oldHeadline: String?
    var newHeadline: String?
    var note: String?

    var item: ToolChange.Item {
        ToolChange.Item(
            ref: ref, kind: kind, oldLabel: oldLabel, newLabel: newLabel, oldHeadline: oldHeadline,
            newHeadline: newHeadline, note: note)
    }
}
