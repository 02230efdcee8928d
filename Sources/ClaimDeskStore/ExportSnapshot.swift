import ClaimDeskDomain

/// The parts of a published snapshot that are small enough to hold at once; tools are streamed separately.
public struct ExportSnapshot: Hashable, Sendable {
    public var topics: [Topic]
    /// The most recent publishes and retractions, newest first, for the change feed.
    public var changes: [ChangeEvent]
    /// The publish sequence the snapshot is complete up to.
    public var seq: Int64
    /// The source watch position the snapshot is complete up to: source state changes are re-exported past it.
    public var watchSeq: Int64 = 0
    /// Every tool that has been published at some point, with the last sequence that touched it.
    public var toolSeqs: [ToolSlug: Int64]
}
