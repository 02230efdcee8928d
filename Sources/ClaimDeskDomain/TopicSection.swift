/// The part of the public page where a topic's claims appear.
public enum TopicSection: String, CaseIterable, Sendable, Codable {
    /// The main questions: training, opt-out, retention, …
    case main
    /// The HIPAA block: BAA and PHI.
    case hipaa
    /// "What the listicles get wrong" and similar prose.
    case editorial
}
