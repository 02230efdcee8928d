import Foundation

/// An open revision waiting for a reviewer.
public struct ReviewItem: Hashable, Sendable, Codable {
    public var ref: ClaimRef
    public var number: Int
    public var state: RevisionState
    public var author: String
    public var editors: [String]
    public var headline: String
    public var citationCount: Int
    public var changesRequested: Bool
    public var note: String?
    public var updatedAt: Date
    /// Whether the claim is live today, i.e. this is a change rather than a first publication.
    public var isChange: Bool
    /// Citations whose source changed, lost its quote or is unreachable: re-verify before approving.
    public var sourceFlags: [SourceFlag] = []

    public init(
        ref: ClaimRef, number: Int, state: RevisionState, author: String, editors: [String], headline: String,
        citationCount: Int, changesRequested: Bool, note: String?, updatedAt: Date, isChange: Bool
    ) {
        self.ref = ref
        self.number = number
        self.state = state
        self.author = author
        self.editors = editors
        self.headline = headline
        self.citationCount = citationCount
        self.changesRequested = changesRequested
        self.note = note
        self.updatedAt = updatedAt
        self.isChange = isChange
    }
}
