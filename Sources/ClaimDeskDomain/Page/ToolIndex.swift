/// The document at `api/v1/tools.json`: every exported tool, by slug, as of a publish sequence.
public struct ToolIndex: Hashable, Sendable, Codable {
    /// The publish sequence the export is complete up to.
    public var seq: Int64
    public var tools: [ToolSummary]

    public init(seq: Int64, tools: [ToolSummary]) {
        self.seq = seq
        self.tools = tools
    }
}
