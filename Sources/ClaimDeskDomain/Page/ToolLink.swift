/// A link to another tool's page ("check another AI tool").
public struct ToolLink: Hashable, Sendable, Codable {
    public var slug: ToolSlug
    public var name: String
    public var url: String

    public init(slug: ToolSlug, name: String, url: String) {
        self.slug = slug
        self.name = name
        self.url = url
    }
}
