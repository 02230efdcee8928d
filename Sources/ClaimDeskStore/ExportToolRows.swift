import ClaimDeskDomain

/// One tool's rows of the export query, taken in whatever order the server sends them and put in the export's order
/// when the tool is complete. Sorting a tool's few rows here is cheap; asking the server to sort made it copy and
/// compare 900,000 wide rows at 10,000 tools, and doubled the query's time (4.3 s against 9–10.7 s).
struct ExportToolRows {
    var tool: PublishedTool
    private var claimIndex: [Int64: Int] = [:]
    private var citations: [[(position: Int, citation: Citation)]] = []
    private var changeItems: [(seq: Int64, id: Int64, itemSeq: Int64, day: Day, item: ToolChange.Item)] = []

    init(_ tool: PublishedTool) {
        self.tool = tool
    }

    var slug: ToolSlug { tool.tool.slug }

    /// Whether the claim of this live revision has been seen; `addClaim` must come first for a new one.
    func hasClaim(revision: Int64) -> Bool { claimIndex[revision] != nil }

    mutating func addClaim(_ claim: PublishedClaim, revision: Int64) {
        claimIndex[revision] = tool.claims.count
        tool.claims.append(claim)
        citations.append([])
    }

    mutating func addCitation(_ citation: Citation, position: Int, revision: Int64) {
        guard let index = claimIndex[revision] else { return }
        citations[index].append((position, citation))
    }

    mutating func addChangeItem(_ item: ToolChange.Item, of change: ToolChange, id: Int64, itemSeq: Int64) {
        changeItems.append((change.seq, id, itemSeq, change.day, item))
    }

    /// The tool with its claims in (tier, none first; topic) order, each claim's citations in position order and its
    /// changes newest first, as the query's ORDER BY used to give them. Slugs and topic keys are ASCII, so byte
    /// order here is the C collation's.
    consuming func finished() -> PublishedTool {
        for index in tool.claims.indices {
            var cited = citations[index]
            if cited.count > 1 { cited.sort { $0.position < $1.position } }
            tool.claims[index].citations = cited.map(\.citation)
        }
        tool.claims.sort { a, b in
            switch (a.ref.tier, b.ref.tier) {
            case (nil, nil): return a.ref.topic.rawValue < b.ref.topic.rawValue
            case (nil, _): return true
            case (_, nil): return false
            case (let x?, let y?):
                return x.rawValue != y.rawValue ? x.rawValue < y.rawValue : a.ref.topic.rawValue < b.ref.topic.rawValue
            }
        }
        if !changeItems.isEmpty {
            changeItems.sort { a, b in
                if a.seq != b.seq { return a.seq > b.seq }
                if a.id != b.id { return a.id < b.id }
                return a.itemSeq < b.itemSeq
            }
            var changes: [ToolChange] = []
            var lastID: Int64?
            for entry in changeItems {
                if entry.id != lastID {
                    lastID = entry.id
                    changes.append(ToolChange(seq: entry.seq, day: entry.day, items: []))
                }
                changes[changes.count - 1].items.append(entry.item)
            }
            tool.changes = changes
        }
        return tool
    }
}
