/// One tool's line in `api/v1/tools.json` and on the site's index: enough to choose a page, nothing more.
public struct ToolSummary: Hashable, Sendable, Codable {
    public var slug: ToolSlug
    public var name: String
    public var category: String
    public var badges: [Badge]
    public var lastVerified: Day
    public var confidence: Confidence
    public var stale: Bool
    public var url: String
    public var apiURL: String

    public init(
        slug: ToolSlug, name: String, category: String, badges: [Badge], lastVerified: Day, confidence: Confidence,
        stale: Bool, url: String, apiURL: String
    ) {
        self.slug = slug
        self.name = name
        self.category = category
        self.badges = badges
        self.lastVerified = lastVerified
        self.confidence = confidence
        self.stale = stale
        self.url = url
        self.apiURL = apiURL
    }

    /// The summary of a page; the index can therefore never say something the page does not.
    public init(_ page: ToolPage) {
        self.init(
            slug: page.tool.slug, name: page.tool.name, category: page.tool.category, badges: page.badges,
            lastVerified: page.lastVerified, confidence: page.confidence, stale: page.stale, url: page.tool.url,
            apiURL: page.tool.apiURL)
    }
}
