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

    init(tools: [ToolLink], limit: Int) {
        self.tools = tools.sorted { $0.slug < $1.slug }
        self.limit = limit
        self.sortKeys = self.tools.map { $0.name.lowercased() }
    }

    /// The links shown on the page of the tool at `index` in `tools`, sorted by name for reading.
    func links(at index: Int) -> [ToolLink] {
        window(at: index).sorted { a, b in
            sortKeys[a] != sortKeys[b] ? sortKeys[a] < sortKeys[b] : tools[a].slug < tools[b].slug
        }.map { tools[$0] }
    }

    /// Whether the page of the tool at `index` here links to the same tools as the page of `slug` in `other`,
    /// without sorting either list.
    func sameLinks(at index: Int, as other: OtherToolLinks, for slug: ToolSlug) -> Bool {
        guard let otherIndex = other.index(of: slug) else { return false }
        let mine = window(at: index)
        let theirs = other.window(at: otherIndex)
        guard mine.count == theirs.count else { return false }
        for (a, b) in zip(mine, theirs) where tools[a] != other.tools[b] { return false }
        return true
    }

    /// Indexes of the tools the page at `index` links to, in slug order after it.
    private func window(at index: Int) -> [Int] {
        let others = tools.count - 1
        guard others > 0, limit > 0 else { return [] }
        let count = min(others, limit)
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
