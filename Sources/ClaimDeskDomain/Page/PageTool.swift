/// Who a page is about, with the page's own public address so API clients need not build URLs themselves.
public struct PageTool: Hashable, Sendable, Codable {
    public var slug: ToolSlug
    public var name: String
    public var category: String
    /// The vendor's site as published; renderers link it only when it is an http(s) URL.
    public var officialURL: String
    /// The absolute URL of the tool's page on the public site.
    public var url: String
    /// The absolute URL of the tool's JSON document (`api/v1/tools/SLUG.json`).
    public var apiURL: String

    public init(slug: ToolSlug, name: String, category: String, officialURL: String, url: String, apiURL: String) {
        self.slug = slug
        self.name = name
        self.category = category
        self.officialURL = officialURL
        self.url = url
        self.apiURL = apiURL
    }
}
