/// The page's standing caveats, filled for the tool, so every page says plainly that it is not legal advice.
public struct PageDisclaimers: Hashable, Sendable, Codable {
    /// Follows "Last verified … confidence: …", e.g. "Terms change — confirm directly with DeepSeek before …".
    public var termsChange: String
    /// The closing "cited public information, not legal or compliance advice" paragraph.
    public var general: String

    public init(termsChange: String, general: String) {
        self.termsChange = termsChange
        self.general = general
    }
}
