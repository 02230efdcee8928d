/// What the exporter reads from the database in one consistent snapshot.
public struct PublishedCatalog: Hashable, Sendable, Codable {
    public var topics: [Topic]
    public var tools: [PublishedTool]
    public var changes: [ChangeEvent]
    /// The publish sequence this snapshot is complete up to.
    public var seq: Int64
    /// The source watch position this snapshot is complete up to (source states shown on the pages).
    public var watchSeq: Int64 = 0

    public init(topics: [Topic], tools: [PublishedTool], changes: [ChangeEvent], seq: Int64) {
        self.topics = topics
        self.tools = tools
        self.changes = changes
        self.seq = seq
    }
}
