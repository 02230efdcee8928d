/// A question the site answers for every tool; vocabulary lives in the database, not in code.
///
/// Templates use `{tool}` for the tool's name; `faqAnswer` may also use `{label}`, `{headline}` and `{body}`.
public struct Topic: Hashable, Sendable, Codable {
    public var key: TopicKey
    public var heading: String
    public var question: String
    public var faqQuestion: String?
    public var faqAnswer: String?
    public var section: TopicSection
    public var position: Int
    /// Order among the page's badges; nil when the topic's verdict is not shown as a badge.
    public var badgePosition: Int?
    public var verdicts: [Verdict]

    public init(
        key: TopicKey, heading: String, question: String, faqQuestion: String?, faqAnswer: String?,
        section: TopicSection, position: Int, badgePosition: Int?, verdicts: [Verdict]
    ) {
        self.key = key
        self.heading = heading
        self.question = question
        self.faqQuestion = faqQuestion
        self.faqAnswer = faqAnswer
        self.section = section
        self.position = position
        self.badgePosition = badgePosition
        self.verdicts = verdicts
    }

    public func verdict(_ key: VerdictKey) -> Verdict? { verdicts.first { $0.key == key } }

    /// Fills `{tool}` in a template with the tool's name.
    public static func fill(_ template: String, tool: String) -> String {
        template.replacingOccurrences(of: "{tool}", with: tool)
    }
}
