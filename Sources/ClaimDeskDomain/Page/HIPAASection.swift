/// The HIPAA block (BAA and PHI), kept apart because healthcare readers need its own date and disclaimer.
public struct HIPAASection: Hashable, Sendable, Codable {
    /// e.g. "Is DeepSeek HIPAA compliant? Does it sign a BAA?"
    public var heading: String
    public var badges: [Badge]
    public var claims: [PageClaim]
    /// The deduplicated citations of the HIPAA claims.
    public var sources: [PageSource]
    /// The oldest verification among the HIPAA claims.
    public var verifiedOn: Day
    public var disclaimer: String

    public init(
        heading: String, badges: [Badge], claims: [PageClaim], sources: [PageSource], verifiedOn: Day,
        disclaimer: String
    ) {
        self.heading = heading
        self.badges = badges
        self.claims = claims
        self.sources = sources
        self.verifiedOn = verifiedOn
        self.disclaimer = disclaimer
    }
}
