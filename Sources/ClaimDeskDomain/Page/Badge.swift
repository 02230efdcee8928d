/// A coloured summary pill ("Trains by default") derived from the verdict of a tool-level claim.
///
/// It carries its topic and section so the page can put HIPAA badges in the HIPAA block and the rest at the top.
public struct Badge: Hashable, Sendable, Codable {
    public var topic: TopicKey
    public var section: TopicSection
    public var verdict: VerdictKey
    public var label: String
    public var tone: Tone

    public init(topic: TopicKey, section: TopicSection, verdict: VerdictKey, label: String, tone: Tone) {
        self.topic = topic
        self.section = section
        self.verdict = verdict
        self.label = label
        self.tone = tone
    }
}
