/// A claim about one plan tier ("DeepSeek consumer app / web: trains unless you opt out"), because terms differ by plan.
public struct TierVerdict: Hashable, Sendable, Codable {
    public var tier: TierSlug
    public var tierName: String
    public var claim: PageClaim

    public init(tier: TierSlug, tierName: String, claim: PageClaim) {
        self.tier = tier
        self.tierName = tierName
        self.claim = claim
    }
}
