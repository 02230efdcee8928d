/// A claim's verdict as the reader sees it: the key for machines, the label and tone for people.
///
/// Always copied from the topic's vocabulary, never typed by hand, so a badge cannot disagree with its claim.
public struct PageVerdict: Hashable, Sendable, Codable {
    public var key: VerdictKey
    public var label: String
    public var tone: Tone

    public init(key: VerdictKey, label: String, tone: Tone) {
        self.key = key
        self.label = label
        self.tone = tone
    }

    public init(_ verdict: Verdict) {
        self.init(key: verdict.key, label: verdict.label, tone: verdict.tone)
    }
}
