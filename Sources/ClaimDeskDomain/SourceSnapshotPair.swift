import Foundation

/// Two snapshots of a cited URL's extracted text, for `claimdesk sources diff`: `old` is nil when there is only one.
public struct SourceSnapshotPair: Hashable, Sendable, Codable {
    public struct Snapshot: Hashable, Sendable, Codable {
        public var id: Int64
        public var fetchedAt: Date
        public var sha256: String
        public var text: String

        enum CodingKeys: String, CodingKey {
            case id, sha256, text
            case fetchedAt = "fetched_at"
        }
    }

    public var url: String
    public var old: Snapshot?
    public var new: Snapshot
}
