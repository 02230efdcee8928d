import Foundation

/// One version of a claim's content, with its place in the workflow.
public struct Revision: Hashable, Sendable, Codable {
    public var id: RevisionID
    public var ref: ClaimRef
    /// 1, 2, 3… within the claim, so humans can talk about "revision 3".
    public var number: Int
    public var state: RevisionState
    public var verdict: VerdictKey?
    public var headline: String
    public var body: String
    public var confidence: Confidence
    public var verifiedOn: Day
    public var verifiedBy: String?
    public var author: String
    public var reviewer: String?
    public var note: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var publishedAt: Date?
    public var publishSeq: Int64?
    public var citations: [Citation]

    public init(
        id: RevisionID, ref: ClaimRef, number: Int, state: RevisionState, verdict: VerdictKey?, headline: String,
        body: String, confidence: Confidence, verifiedOn: Day, verifiedBy: String?, author: String, reviewer: String?,
        note: String?, createdAt: Date, updatedAt: Date, publishedAt: Date?, publishSeq: Int64?, citations: [Citation]
    ) {
        self.id = id
        self.ref = ref
        self.number = number
        self.state = state
        self.verdict = verdict
        self.headline = headline
        self.body = body
        self.confidence = confidence
        self.verifiedOn = verifiedOn
        self.verifiedBy = verifiedBy
        self.author = author
        self.reviewer = reviewer
        self.note = note
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.publishedAt = publishedAt
        self.publishSeq = publishSeq
        self.citations = citations
    }
}
