import Foundation

/// The live revision of a claim as it leaves the building: only published content ever becomes one.
public struct PublishedClaim: Hashable, Sendable, Codable {
    public var ref: ClaimRef
    public var verdict: VerdictKey?
    public var headline: String
    public var body: String
    public var confidence: Confidence
    public var verifiedOn: Day
    public var publishSeq: Int64
    public var publishedAt: Date
    public var citations: [Citation]

    public init(
        ref: ClaimRef, verdict: VerdictKey?, headline: String, body: String, confidence: Confidence, verifiedOn: Day,
        publishSeq: Int64, publishedAt: Date, citations: [Citation]
    ) {
        self.ref = ref
        self.verdict = verdict
        self.headline = headline
        self.body = body
        self.confidence = confidence
        self.verifiedOn = verifiedOn
        self.publishSeq = publishSeq
        self.publishedAt = publishedAt
        self.citations = citations
    }
}
