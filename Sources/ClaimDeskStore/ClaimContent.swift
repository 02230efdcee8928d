import ClaimDeskDomain

/// The content fields of a draft or edit; nil fields of an edit keep their current value.
public struct ClaimContent: Hashable, Sendable {
    public var verdict: VerdictKey?
    public var headline: String?
    public var body: String?
    public var confidence: Confidence?
    public var verifiedOn: Day?
    public var verifiedBy: String?

    public init(
        verdict: VerdictKey? = nil, headline: String? = nil, body: String? = nil, confidence: Confidence? = nil,
        verifiedOn: Day? = nil, verifiedBy: String? = nil
    ) {
        self.verdict = verdict
        self.headline = headline
        self.body = body
        self.confidence = confidence
        self.verifiedOn = verifiedOn
        self.verifiedBy = verifiedBy
    }

    public var isEmpty: Bool { self == ClaimContent() }
}
