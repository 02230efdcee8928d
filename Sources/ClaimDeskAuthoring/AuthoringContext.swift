import ClaimDeskDomain

/// What a file is checked against besides itself: the topic vocabulary, the tools and tiers the database already
/// has, and today's date. The caller reads these from the database; parsing itself does no I/O.
public struct AuthoringContext: Sendable {
    public var topics: [Topic]
    public var tools: [Tool]
    public var tiers: [PlanTier]
    /// Dates after this day are refused, as the database refuses them.
    public var today: Day

    public init(topics: [Topic], tools: [Tool] = [], tiers: [PlanTier] = [], today: Day = .latestOnEarth()) {
        self.topics = topics
        self.tools = tools
        self.tiers = tiers
        self.today = today
    }

    func topic(_ key: TopicKey) -> Topic? { topics.first { $0.key == key } }
}
