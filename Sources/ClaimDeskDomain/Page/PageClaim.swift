/// One answered question on a page: a published claim with its topic's wording filled in for the tool.
public struct PageClaim: Hashable, Sendable, Codable {
    public var ref: ClaimRef
    public var topic: TopicKey
    /// The topic's heading with `{tool}` filled, e.g. "Does DeepSeek train its models on your data?".
    public var heading: String
    /// The topic's question with `{tool}` filled.
    public var question: String
    /// Nil for prose-only topics such as the editorial note.
    public var verdict: PageVerdict?
    public var headline: String
    public var body: String
    public var confidence: Confidence
    public var verifiedOn: Day
    /// True when the verification is older than the staleness policy allows as of the export's day.
    public var stale: Bool
    public var citations: [Citation]

    public init(
        ref: ClaimRef, topic: TopicKey, heading: String, question: String, verdict: PageVerdict?, headline: String,
        body: String, confidence: Confidence, verifiedOn: Day, stale: Bool, citations: [Citation]
    ) {
        self.ref = ref
        self.topic = topic
        self.heading = heading
        self.question = question
        self.verdict = verdict
        self.headline = headline
        self.body = body
        self.confidence = confidence
        self.verifiedOn = verifiedOn
        self.stale = stale
        self.citations = citations
    }
}
