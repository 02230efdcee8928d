/// Everything published about one tool: the input of its page.
public struct PublishedTool: Hashable, Sendable, Codable {
    public var tool: Tool
    public var tiers: [PlanTier]
    public var claims: [PublishedClaim]
    /// The highest publish sequence that touched this tool (publish or retraction), so incremental exports know what changed.
    public var lastSeq: Int64
    /// The tool's recorded changes, newest first: the page's "What changed" section and its feed.
    public var changes: [ToolChange] = []

    public init(
        tool: Tool, tiers: [PlanTier], claims: [PublishedClaim], lastSeq: Int64, changes: [ToolChange] = []
    ) {
        self.tool = tool
        self.tiers = tiers
        self.claims = claims
        self.lastSeq = lastSeq
        self.changes = changes
    }
}
