import Foundation

/// One cited URL as `claimdesk sources status` shows it: its worst state across the citations of live and open
/// revisions, what the last check found, when the text last changed, and which claims cite it.
public struct SourceStatus: Hashable, Sendable, Codable {
    public struct CitingClaim: Hashable, Sendable, Codable {
        public var ref: ClaimRef
        public var revisionState: RevisionState
        public var state: SourceState

        enum CodingKeys: String, CodingKey {
            case ref, state
            case revisionState = "revision_state"
        }
    }

    public var url: String
    public var state: SourceState
    public var lastCheckedAt: Date?
    public var lastOutcome: String?
    public var lastHTTPStatus: Int?
    public var lastDetail: String?
    public var lastChangedAt: Date?
    public var snapshots: Int
    public var claims: [CitingClaim]

    enum CodingKeys: String, CodingKey {
        case url, state, snapshots, claims
        case lastCheckedAt = "last_checked_at"
        case lastOutcome = "last_outcome"
        case lastHTTPStatus = "last_http_status"
        case lastDetail = "last_detail"
        case lastChangedAt = "last_changed_at"
    }
}
