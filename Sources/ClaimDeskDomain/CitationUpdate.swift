/// `claimdesk cite` with some fields: for a URL already cited only the fields given change; a new citation needs
/// `supports` and `dated` (the database says so when they are missing).
public struct CitationUpdate: Hashable, Sendable {
    public var url: String
    public var supports: String?
    public var dated: Day?
    public var title: String?
    public var archivedURL: String?
    public var quote: String?

    public init(
        url: String, supports: String? = nil, dated: Day? = nil, title: String? = nil, archivedURL: String? = nil,
        quote: String? = nil
    ) {
        self.url = url
        self.supports = supports
        self.dated = dated
        self.title = title
        self.archivedURL = archivedURL
        self.quote = quote
    }
}
