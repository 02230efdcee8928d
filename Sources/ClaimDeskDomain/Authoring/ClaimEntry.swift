/// One claim's content as an authoring file states it: what its open revision should say, citations included.
///
/// `verifiedBy` nil means "whoever imports it" for a new claim and "keep what is there" for an existing one,
/// so a hand-written file need not name the checker.
public struct ClaimEntry: Hashable, Sendable, Codable {
    public var ref: ClaimRef
    public var verdict: VerdictKey?
    public var headline: String
    public var body: String
    public var confidence: Confidence
    public var verified: Day
    public var verifiedBy: String?
    public var citations: [CitationEntry]

    public init(
        ref: ClaimRef, verdict: VerdictKey?, headline: String, body: String = "", confidence: Confidence,
        verified: Day, verifiedBy: String? = nil, citations: [CitationEntry] = []
    ) {
        self.ref = ref
        self.verdict = verdict
        self.headline = headline
        self.body = body
        self.confidence = confidence
        self.verified = verified
        self.verifiedBy = verifiedBy
        self.citations = citations
    }

    /// The entry a revision's content corresponds to.
    public init(_ revision: Revision) {
        self.init(
            ref: revision.ref, verdict: revision.verdict, headline: revision.headline, body: revision.body,
            confidence: revision.confidence, verified: revision.verifiedOn, verifiedBy: revision.verifiedBy,
            citations: revision.citations.map(CitationEntry.init))
    }

    /// True when `revision` already says exactly this, citations and their order included; a nil `verifiedBy`
    /// matches any checker.
    public func matches(_ revision: Revision) -> Bool {
        revision.verdict == verdict && revision.headline == headline && revision.body == body
            && revision.confidence == confidence && revision.verifiedOn == verified
            && (verifiedBy == nil || revision.verifiedBy == verifiedBy)
            && revision.citations.map(CitationEntry.init) == citations
    }

    enum CodingKeys: String, CodingKey {
        case ref, verdict, headline, body, confidence, verified
        case verifiedBy = "verified_by"
        case citations
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        ref = try c.decode(ClaimRef.self, forKey: .ref)
        verdict = try c.decodeIfPresent(VerdictKey.self, forKey: .verdict)
        headline = try c.decode(String.self, forKey: .headline)
        body = try c.decodeIfPresent(String.self, forKey: .body) ?? ""
        confidence = try c.decode(Confidence.self, forKey: .confidence)
        verified = try c.decode(Day.self, forKey: .verified)
        verifiedBy = try c.decodeIfPresent(String.self, forKey: .verifiedBy)
        citations = try c.decodeIfPresent([CitationEntry].self, forKey: .citations) ?? []
    }
}
