/// Everything a tool's public page shows, as one value: `api/v1/tools/SLUG.json` is this, encoded, and the HTML page
/// is rendered from it alone, so the two can never disagree.
public struct ToolPage: Hashable, Sendable, Codable {
    public var tool: PageTool
    /// e.g. "Does DeepSeek train on your data?"
    public var title: String
    /// The highest publish sequence that touched this tool.
    public var seq: Int64
    /// Ordered by the topics' badge positions; HIPAA badges are included and marked by their section.
    public var badges: [Badge]
    /// Tool-level claims of the main section, in topic order.
    public var sections: [PageClaim]
    /// Tool-level claims of the editorial section ("What the listicles get wrong").
    public var editorial: [PageClaim]
    /// Claims about single plan tiers, by tier then topic.
    public var tierVerdicts: [TierVerdict]
    /// Nil when the tool has no published HIPAA claim.
    public var hipaa: HIPAASection?
    public var faq: [FAQEntry]
    /// The deduplicated union of every citation on the page, in order of first appearance.
    public var sources: [PageSource]
    /// The oldest verification among the tool's live claims: the page is only as fresh as its stalest answer.
    public var lastVerified: Day
    /// The lowest confidence among the tool's live claims.
    public var confidence: Confidence
    /// True when any claim on the page is stale.
    public var stale: Bool
    public var disclaimers: PageDisclaimers
    public var notify: NotifyBlock
    /// "Check another AI tool".
    public var otherTools: [ToolLink]
    /// The site's index, which lists every tool.
    public var allToolsURL: String
    /// "What changed": the tool's recorded changes, newest first, retractions included as corrections.
    public var changes: [PageChange] = []

    public init(
        tool: PageTool, title: String, seq: Int64, badges: [Badge], sections: [PageClaim], editorial: [PageClaim],
        tierVerdicts: [TierVerdict], hipaa: HIPAASection?, faq: [FAQEntry], sources: [PageSource], lastVerified: Day,
        confidence: Confidence, stale: Bool, disclaimers: PageDisclaimers, notify: NotifyBlock, otherTools: [ToolLink],
        allToolsURL: String
    ) {
        self.tool = tool
        self.title = title
        self.seq = seq
        self.badges = badges
        self.sections = sections
        self.editorial = editorial
        self.tierVerdicts = tierVerdicts
        self.hipaa = hipaa
        self.faq = faq
        self.sources = sources
        self.lastVerified = lastVerified
        self.confidence = confidence
        self.stale = stale
        self.disclaimers = disclaimers
        self.notify = notify
        self.otherTools = otherTools
        self.allToolsURL = allToolsURL
    }

    /// Every claim on the page, tool-level and per tier, in page order.
    public var allClaims: [PageClaim] {
        sections + editorial + tierVerdicts.map(\.claim) + (hipaa?.claims ?? [])
    }
}
