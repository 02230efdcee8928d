/// A citation as an authoring file writes it (`archived_url` in snake case, like every key of the file).
public struct CitationEntry: Hashable, Sendable, Codable {
    public var url: String
    public var supports: String
    public var dated: Day
    public var title: String?
    public var archivedURL: String?
    public var quote: String?

    public init(
        url: String, supports: String, dated: Day, title: String? = nil, archivedURL: String? = nil,
        quote: String? = nil
    ) {
        self.url = url
        self.supports = supports
        self.dated = dated
        self.title = title
        self.archivedURL = archivedURL
        self.quote = quote
    }

    public init(_ citation: Citation) {
        self.init(
            url: citation.url, supports: citation.supports, dated: citation.dated, title: citation.title,
            archivedURL: citation.archivedURL, quote: citation.quote)
    }

    public var citation: Citation {
        Citation(url: url, supports: supports, dated: dated, title: title, archivedURL: archivedURL, quote: quote)
    }

    enum CodingKeys: String, CodingKey {
        case url, supports, dated, title, quote
        case archivedURL = "archived_url"
    }
}
