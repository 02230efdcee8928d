/// One answer of a topic's vocabulary; its label and tone become the page's badge.
public struct Verdict: Hashable, Sendable, Codable {
    public var key: VerdictKey
    public var label: String
    public var tone: Tone

    public init(key: VerdictKey, label: String, tone: Tone) {
        self.key = key
        self.label = label
        self.tone = tone
    }
}
