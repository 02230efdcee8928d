import ClaimDeskDomain

/// Where each file lives inside the export folder (and below `baseURL` on the public site).
enum SitePaths {
    static let toolsIndex = "api/v1/tools.json"
    static let indexHTML = "index.html"
    static let feed = "changes.xml"
    static let sitemap = "sitemap.xml"
    static let manifest = "manifest.json"

    static func toolJSON(_ slug: ToolSlug) -> String { "api/v1/tools/\(slug.rawValue).json" }
    static func toolHTML(_ slug: ToolSlug) -> String { "tools/\(slug.rawValue)/index.html" }
    /// A tool's own Atom feed of its changes, beside its page.
    static func toolFeed(_ slug: ToolSlug) -> String { "tools/\(slug.rawValue)/\(toolFeedName)" }
    static let toolFeedName = "changes.xml"
    /// The top-level folders holding an entry per tool, which a fresh work folder creates first (`AtomicSiteFolder`).
    static let perToolFolders = ["tools", "api"]
}
