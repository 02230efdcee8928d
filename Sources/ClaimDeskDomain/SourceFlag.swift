import Foundation

/// A citation whose source needs an editor's attention, shown in the review queue, `stale` and `claim show`.
public struct SourceFlag: Hashable, Sendable, Codable {
    public var url: String
    public var state: SourceState
    public var checkedAt: Date?

    public init(url: String, state: SourceState, checkedAt: Date?) {
        self.url = url
        self.state = state
        self.checkedAt = checkedAt
    }

    enum CodingKeys: String, CodingKey {
        case url, state
        case checkedAt = "checked_at"
    }
}
