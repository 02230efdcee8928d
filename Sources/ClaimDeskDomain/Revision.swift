import Foundation

/// One version of a claim's content, with its place in the workflow.
public struct Revision: Hashable, Sendable, Codable {
    public var id: RevisionID
    public var ref: ClaimRef
    /// 1, 2, 3… within the claim, so humans can talk about "revision 3".
    public var number: Int
    /// Bumped by every edit of a draft: with `id` it is the base an optimistic-concurrency check compares.
    public var version: Int
    public var state: RevisionState
    public var verdict: VerdictKey?
    public var headline: String
    public var body: String
    public var confidence: Confidence
    public var verifiedOn: Day
    public var verifiedBy: String?
    public var author: String
    /// Everyone who wrote or edited this revision; none of them may approve it.
    public var editors: [String]
    public var reviewer: String?
    public var note: String?
    public var changesRequested: Bool
    public var basedOn: RevisionID?
    public var createdAt: Date
    public var updatedAt: Date
    public var reviewedAt: Date?
    public var publishedAt: Date?
    public var closedAt: Date?
    public var publishSeq: Int64?
    public var citations: [Citation]

    public init(
        id: RevisionID, ref: ClaimRef, number: Int, version: Int, state: RevisionState, verdict: VerdictKey?,
        headline: String, body: String, confidence: Confidence, verifiedOn: Day, verifiedBy: String?, author: String,
        editors: [String], reviewer: String?, note: String?, changesRequested: Bool, basedOn: RevisionID?,
        createdAt: Date, updatedAt: Date, reviewedAt: Date?, publishedAt: Date?, closedAt: Date?, publishSeq: Int64?,
        citations: [Citation]
    ) {
        self.id = id
        self.ref = ref
        self.number = number
        self.version = version
        self.state = state
        self.verdict = verdict
        self.headline = headline
        self.body = body
        self.confidence = confidence
        self.verifiedOn = verifiedOn
        self.verifiedBy = verifiedBy
        self.author = author
        self.editors = editors
        self.reviewer = reviewer
        self.note = note
        self.changesRequested = changesRequested
        self.basedOn = basedOn
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.reviewedAt = reviewedAt
        self.publishedAt = publishedAt
        self.closedAt = closedAt
        self.publishSeq = publishSeq
        self.citations = citations
    }
}
