/// A plan tier as an authoring file lists it under its tool.
public struct TierEntry: Hashable, Sendable, Codable {
    public var slug: TierSlug
    public var name: String

    public init(slug: TierSlug, name: String) {
        self.slug = slug
        self.name = name
    }
}
