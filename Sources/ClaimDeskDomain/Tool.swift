/// An AI tool the site has a page for.
public struct Tool: Hashable, Sendable, Codable {
    public var slug: ToolSlug
    public var name: String
    public var category: String
    public var officialURL: String

    public init(slug: ToolSlug, name: String, category: String, officialURL: String) {
        self.slug = slug
        self.name = name
        self.category = category
        self.officialURL = officialURL
    }
}
