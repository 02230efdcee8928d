/// Tools, tiers and claims as editors write them in a file: what `claimdesk import` reads and `claimdesk dump`
/// writes. It is a plain value so that the store can import and dump it without knowing about YAML or JSON.
///
/// Order is the file's order; `dump` produces the canonical order (tools by slug, tiers by position, claims by
/// tool, tier with the tool itself first, then topic position) so that dumps diff cleanly.
public struct AuthoringDocument: Hashable, Sendable, Codable {
    public var tools: [ToolEntry]
    public var claims: [ClaimEntry]

    public init(tools: [ToolEntry] = [], claims: [ClaimEntry] = []) {
        self.tools = tools
        self.claims = claims
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tools = try c.decodeIfPresent([ToolEntry].self, forKey: .tools) ?? []
        claims = try c.decodeIfPresent([ClaimEntry].self, forKey: .claims) ?? []
    }

    /// The claims of one tool, in document order.
    public func claims(of tool: ToolSlug) -> [ClaimEntry] { claims.filter { $0.ref.tool == tool } }

    /// The same document in canonical order, given the topic vocabulary (whose positions order the claims).
    public func canonicallyOrdered(topics: [Topic]) -> AuthoringDocument {
        let topicRank = Dictionary(topics.map { ($0.key, $0.position) }, uniquingKeysWith: { first, _ in first })
        var tierRank: [String: Int] = [:]
        for tool in tools {
            for (index, tier) in tool.tiers.enumerated() { tierRank["\(tool.slug)/\(tier.slug)"] = index }
        }
        func key(_ claim: ClaimEntry) -> (String, Int, String, Int, String) {
            (
                claim.ref.tool.rawValue,
                claim.ref.tier.map { tierRank["\(claim.ref.tool)/\($0)"] ?? Int.max - 1 } ?? -1,
                claim.ref.tier?.rawValue ?? "", topicRank[claim.ref.topic] ?? Int.max, claim.ref.topic.rawValue
            )
        }
        return AuthoringDocument(
            tools: tools.sorted { $0.slug < $1.slug },
            claims: claims.sorted { key($0) < key($1) })
    }
}
