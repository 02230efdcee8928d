/// One cited URL with everything the page's claims say it supports, so a source cited twice is listed once.
public struct PageSource: Hashable, Sendable, Codable {
    public var url: String
    /// Each distinct "supports" sentence of the citations of this URL, in page order.
    public var supports: [String]
    /// The latest date among the citations of this URL.
    public var dated: Day
    public var title: String?
    public var archivedURL: String?
    /// Each distinct quote of the citations of this URL: the source's own words, shown as a quotation.
    public var quotes: [String] = []

    public init(url: String, supports: [String], dated: Day, title: String? = nil, archivedURL: String? = nil) {
        self.url = url
        self.supports = supports
        self.dated = dated
        self.title = title
        self.archivedURL = archivedURL
    }
}
