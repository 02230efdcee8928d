import ClaimDeskDomain

/// What to do for one tool's page in an export.
enum ToolJob: Sendable {
    /// Build the page from published data and render it.
    case fresh(PublishedTool, links: [ToolLink])
    /// Re-render the page from the previous export's JSON with new links and stale flags (its data did not change).
    case rerender(ToolSummary, links: [ToolLink])
    /// Carry the previous export's files over unchanged.
    case reuse(ToolSummary)

    var slug: ToolSlug {
        switch self {
        case .fresh(let tool, _): tool.tool.slug
        case .rerender(let summary, _), .reuse(let summary): summary.slug
        }
    }
}
