/// What the exporter reads from the database in one consistent snapshot.
public struct PublishedCatalog: Hashable, Sendable, Codable {
    public var topics: [Topic]
    public var tools: [PublishedTool]
    public var changes: [ChangeEvent]
    /// The publish sequence this snapshot is complete up to.
    public var seq: Int64

    public init(topics: [Topic], tools: [PublishedTool], changes: [ChangeEvent], seq: Int64) {
        self.topics = topics
        self.tools = tools
        self.changes = changes
        self.seq = seq
    }
}
