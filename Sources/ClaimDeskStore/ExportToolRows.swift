import ClaimDeskDomain

/// One tool's rows of the export query, taken in whatever order the server sends them and put in the export's order
/// when the tool is complete. Sorting a tool's few rows here is cheap; asking the server to sort made it copy and
/// compare 900,000 wide rows at 10,000 tools, and doubled the query's time (4.3 s against 9–10.7 s).
struct ExportToolRows {
    var tool: PublishedTool
    private var claimIndex: [Int64: Int] = [:]
    /// The claim the last row was about: a claim's citations arrive one after another, so this answers nearly every
    /// lookup without hashing (one per row, 900,000 at 10,000 tools).
    private var last: (revision: Int64, index: Int)?
    /// The positions of each claim's citations, in arrival order, beside the citations themselves.
    private var positions: [[Int]] = []
    private var changeItems: [(seq: Int64, id: Int64, itemSeq: Int64, day: Day, item: ToolChange.Item)] = []

    init(_ tool: PublishedTool) {
        self.tool = tool
    }

    var slug: ToolSlug { tool.tool.slug }

    /// Whether the claim of this live revision has been seen; `addClaim` must come first for a new one.
    func hasClaim(revision: Int64) -> Bool { index(of: revision) != nil }

    private func index(of revision: Int64) -> Int? {
        if let last, last.revision == revision { return last.index }
        return claimIndex[revision]
    }

    // Arguments are consumed: the rows' values are moved into place, not copied (a retain per string).
    mutating func addClaim(_ claim: consuming PublishedClaim, revision: Int64) {
        claimIndex[revision] = tool.claims.count
        last = (revision, tool.claims.count)
        // Citations the claim already has come before any added later.
        positions.append(Array(repeating: Int.min, count: claim.citations.count))
        tool.claims.append(claim)
    }

    mutating func addCitation(_ citation: consuming Citation, position: Int, revision: Int64) {
        guard let index = index(of: revision) else { return }
        last = (revision, index)
        tool.claims[index].citations.append(citation)
        positions[index].append(position)
    }

    mutating func addChangeItem(_ item: consuming ToolChange.Item, of change: ToolChange, id: Int64, itemSeq: Int64) {
        changeItems.append((change.seq, id, itemSeq, change.day, item))
    }

    /// The tool with its claims in (tier, none first; topic) order, each claim's citations in position order and its
    /// changes newest first, as the query's ORDER BY used to give them. Slugs and topic keys are ASCII, so byte
    /// order here is the C collation's.
    consuming func finished() -> PublishedTool {
        for index in tool.claims.indices where !Self.isAscending(positions[index]) {
            let order = positions[index].indices.sorted { positions[index][$0] < positions[index][$1] }
            let cited = tool.claims[index].citations
            tool.claims[index].citations = order.map { cited[$0] }
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
            for index in changeItems.indices {
                if changeItems[index].id != lastID {
                    lastID = changeItems[index].id
                    changes.append(ToolChange(seq: changeItems[index].seq, day: changeItems[index].day, items: []))
                }
                changes[changes.count - 1].items.append(changeItems[index].item)
            }
            tool.changes = changes
        }
        return tool
    }

    /// Whether the citations already arrived in position order, as they nearly always do.
    private static func isAscending(_ positions: [Int]) -> Bool {
        positions.indices.dropFirst().allSatisfy { positions[$0 - 1] <= positions[$0] }
    }
}
