import ClaimDeskDomain
import Foundation
import LibPQ

/// The recorded changes (sql/0008): what the page's "What changed" section and the feeds are made of.
extension Store {
    /// The changes of every tool the snapshot re-reads (published or retracted after `since`, or whose cited sources
    /// were checked after `watchSince`), newest first per tool, in one statement.
    func changesByTool(since: Int64, watchSince: Int64) throws -> [ToolSlug: [ToolChange]] {
        var result: [ToolSlug: [ToolChange]] = [:]
        let decoder = DatabaseJSON.decoder()
        try connection.stream(
            """
            SELECT tool_slug, seq, day, items FROM claimdesk.change_log
            WHERE tool_slug IN (SELECT tool_slug FROM claimdesk.publication_log WHERE seq > \(since))
               OR tool_slug IN (SELECT lc.tool_slug FROM claimdesk.live_claims lc
                                JOIN claimdesk.live_citations ci ON ci.revision_id = lc.revision_id
                                WHERE ci.url IN (SELECT url FROM claimdesk.watch_log WHERE seq > \(watchSince)))
            ORDER BY tool_slug, seq DESC
            """
        ) { row in
            let slug = ToolSlug(try row.decode(0, as: String.self))
            let dayText = try row.decode(2, as: String.self)
            guard let day = Day(dayText) else {
                throw StoreError(
                    .database, "A change of \(slug) has an unreadable day \(dayText)",
                    hint: "Check the database's DateStyle; nothing was exported.")
            }
            let items = try decoder.decode(
                [ChangeItemRecord].self, from: Data(try row.decode(3, as: String.self).utf8))
            result[slug, default: []].append(
                ToolChange(seq: try row.decode(1, as: Int64.self), day: day, items: items.map(\.item)))
        }
        return result
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
