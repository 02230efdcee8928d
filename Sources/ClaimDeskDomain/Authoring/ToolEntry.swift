/// A tool as an authoring file describes it, with its plan tiers in page order.
public struct ToolEntry: Hashable, Sendable, Codable {
    public var slug: ToolSlug
    public var name: String
    public var category: String
    public var url: String
    public var tiers: [TierEntry]

    public init(slug: ToolSlug, name: String, category: String, url: String, tiers: [TierEntry] = []) {
        self.slug = slug
        self.name = name
        self.category = category
        self.url = url
        self.tiers = tiers
    }

    public init(_ tool: Tool, tiers: [PlanTier]) {
        self.init(
            slug: tool.slug, name: tool.name, category: tool.category, url: tool.officialURL,
            tiers: tiers.map { TierEntry(slug: $0.slug, name: $0.name) })
    }

    public var tool: Tool { Tool(slug: slug, name: name, category: category, officialURL: url) }

    public var planTiers: [PlanTier] { tiers.map { PlanTier(tool: slug, slug: $0.slug, name: $0.name) } }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        slug = try c.decode(ToolSlug.self, forKey: .slug)
        name = try c.decode(String.self, forKey: .name)
        category = try c.decode(String.self, forKey: .category)
        url = try c.decode(String.self, forKey: .url)
        tiers = try c.decodeIfPresent([TierEntry].self, forKey: .tiers) ?? []
    }
}
