/// A plan tier of a tool (`deepseek/consumer`), because terms often differ between consumer and business plans.
public struct PlanTier: Hashable, Sendable, Codable {
    public var tool: ToolSlug
    public var slug: TierSlug
    public var name: String

    public init(tool: ToolSlug, slug: TierSlug, name: String) {
        self.tool = tool
        self.slug = slug
        self.name = name
    }
}
