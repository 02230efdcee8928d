import ClaimDeskDomain

/// Chooses the "Check another AI tool" links of every page from the sorted list of exported tools.
///
/// With no more tools than the limit, a page links to every other tool. Beyond it, a page links to the `limit` tools
/// that follow it in slug order (wrapping around): every tool is still linked from `limit` pages and from the index,
/// yet the site grows linearly with the number of tools instead of quadratically.
struct OtherToolLinks: Sendable {
    /// Exported tools, sorted by slug.
    let tools: [ToolLink]
    let limit: Int
    /// Lowercased names, computed once for sorting.
    private let sortKeys: [String]

    /// `sortKeys` false skips lowercasing every name up front, for an incremental export that asks for the links of
    /// a few pages only.
    init(tools: [ToolLink], limit: Int, sortKeys: Bool = true) {
        let sorted =
            tools.indices.dropFirst().contains { tools[$0 - 1].slug >= tools[$0].slug }
            ? tools.sorted { $0.slug < $1.slug } : tools
        self.tools = sorted
        self.limit = limit
        self.sortKeys = sortKeys ? sorted.map { $0.name.lowercased() } : []
    }

    /// The links shown on the page of the tool at `index` in `tools`, sorted by name for reading.
    func links(at index: Int) -> [ToolLink] {
        let window = window(at: index)
        let keys = sortKeys.isEmpty ? window.map { tools[$0].name.lowercased() } : window.map { sortKeys[$0] }
        return window.indices.sorted { a, b in
            keys[a] != keys[b] ? keys[a] < keys[b] : tools[window[a]].slug < tools[window[b]].slug
        }.map { tools[window[$0]] }
    }

    /// Whether the page of the tool at `index` here links to the same tools as the page at `otherIndex` in `other`,
    /// without sorting or building either list.
    func sameLinks(at index: Int, as other: OtherToolLinks, at otherIndex: Int) -> Bool {
        let count = windowCount
        guard count == other.windowCount else { return false }
        for step in stride(from: 1, through: count, by: 1)
        where tools[(index + step) % tools.count] != other.tools[(otherIndex + step) % other.tools.count] {
            return false
        }
        return true
    }

    /// How many tools each page links to.
    private var windowCount: Int {
        let others = tools.count - 1
        guard others > 0, limit > 0 else { return 0 }
        return min(others, limit)
    }

    /// Indexes of the tools the page at `index` links to, in slug order after it.
    private func window(at index: Int) -> [Int] {
        let count = windowCount
        guard count > 0 else { return [] }
        return (1...count).map { (index + $0) % tools.count }
    }

    func index(of slug: ToolSlug) -> Int? {
        var low = 0
        var high = tools.count
        while low < high {
            let mid = (low + high) / 2
            if tools[mid].slug < slug { low = mid + 1 } else { high = mid }
        }
        return low < tools.count && tools[low].slug == slug ? low : nil
    }
}
