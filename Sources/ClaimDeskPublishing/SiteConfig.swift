import ClaimDeskDomain

/// Everything besides published data that decides the exported bytes.
///
/// All of it is explicit input — including `asOf`, the day staleness is judged against — so the same data and the same
/// configuration always give the same files: the export never reads the clock.
public struct SiteConfig: Hashable, Sendable, Codable {
    /// The public site's root, e.g. `https://example.org` (a trailing `/` is ignored).
    public var baseURL: String
    /// The "notify me" form's endpoint (`claimdesk serve`'s `/notify`); `{tool}` is replaced by the tool's slug. Empty:
    /// the pages show no notify-me section at all, rather than a form nothing answers.
    public var notifyURL: String
    /// The day stale flags are computed for (normally today, in UTC).
    public var asOf: Day
    /// A claim verified more than this many days before `asOf` is flagged stale.
    public var stalenessDays: Int
    public var siteTitle: String
    /// The index page's introduction.
    public var siteDescription: String
    /// The `lang` of the HTML pages.
    public var language: String
    /// How many other tools a page links to under "Check another AI tool". When the site has no more tools than this,
    /// every page links to every other tool; beyond that each page links to the next tools in slug order (wrapping
    /// around) plus the index, which lists them all — so the site stays linear in size, not quadratic.
    public var otherToolLinks: Int
    /// The date part of the Atom entries' `tag:` URIs (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`); never change it once
    /// readers have subscribed, or every entry looks new.
    public var feedTagDate: String
    public var copy: SiteCopy

    public init(
        baseURL: String, notifyURL: String, asOf: Day, stalenessDays: Int = 180,
        siteTitle: String = "Does this AI train on your data?",
        siteDescription: String =
            "Per AI tool: does the vendor train on your data, can you opt out, do they keep it, will they sign a BAA? "
            + "Every answer cited and dated.",
        language: String = "en", otherToolLinks: Int = 30, feedTagDate: String = "2026", copy: SiteCopy = SiteCopy()
    ) {
        self.baseURL = baseURL
        self.notifyURL = notifyURL
        self.asOf = asOf
        self.stalenessDays = stalenessDays
        self.siteTitle = siteTitle
        self.siteDescription = siteDescription
        self.language = language
        self.otherToolLinks = otherToolLinks
        self.feedTagDate = feedTagDate
        self.copy = copy
    }

    /// `baseURL` without a trailing slash.
    var root: String {
        var text = baseURL
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    /// Checks what would otherwise produce broken or unsafe links, before anything is written.
    func validate() throws(ExportError) {
        guard SafeURL.href(root) != nil, !root.contains("?"), !root.contains("#") else {
            throw .invalidConfig(
                setting: "baseURL", value: baseURL,
                fix: "give the site's http(s) root without query, e.g. https://example.org")
        }
        guard notifyURL.isEmpty || SafeURL.href(PlaceholderText.fill(notifyURL, ["tool": "example"])) != nil else {
            throw .invalidConfig(
                setting: "notifyURL", value: notifyURL,
                fix: "give an http(s) URL, optionally with {tool}, e.g. https://example.org/notify?tool={tool}")
        }
        guard stalenessDays >= 1 else {
            throw .invalidConfig(setting: "stalenessDays", value: String(stalenessDays), fix: "give at least 1 day")
        }
        guard otherToolLinks >= 0 else {
            throw .invalidConfig(setting: "otherToolLinks", value: String(otherToolLinks), fix: "give 0 or more")
        }
        guard !language.isEmpty,
            language.unicodeScalars.allSatisfy({ $0.isASCII && ($0 == "-" || $0.properties.isAlphabetic) })
        else {
            throw .invalidConfig(setting: "language", value: language, fix: "give a language tag such as en or en-GB")
        }
        let tagDateShape = feedTagDate.split(separator: "-", omittingEmptySubsequences: false).map(\.count)
        guard [[4], [4, 2], [4, 2, 2]].contains(tagDateShape),
            feedTagDate.unicodeScalars.allSatisfy({ $0 == "-" || ("0"..."9").contains($0) })
        else {
            throw .invalidConfig(setting: "feedTagDate", value: feedTagDate, fix: "give YYYY, YYYY-MM or YYYY-MM-DD")
        }
    }

    /// The public URL of a tool's page.
    func pageURL(_ slug: ToolSlug) -> String { "\(root)/tools/\(slug.rawValue)/" }
    /// The public URL of a tool's JSON document.
    func apiURL(_ slug: ToolSlug) -> String { "\(root)/api/v1/tools/\(slug.rawValue).json" }
    var homeURL: String { "\(root)/" }
    var feedURL: String { "\(root)/changes.xml" }
    var toolsAPIURL: String { "\(root)/api/v1/tools.json" }
}
