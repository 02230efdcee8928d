/// Whether a verdict is good, bad or neutral news for the reader; drives the badge colour.
public enum Tone: String, CaseIterable, Sendable, Codable {
    case good, bad, neutral
}
