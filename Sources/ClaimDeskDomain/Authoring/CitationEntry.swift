/// A citation as an authoring file writes it (`archived_url` in snake case, like every key of the file).
public struct CitationEntry: Hashable, Sendable, Codable {
    public var url: String
    public var supports: String
    public var dated: Day
    public var title: String?
    public var archivedURL: String?

    public init(url: String, supports: String, dated: Day, title: String? = nil, archivedURL: String? = nil) {
        self.url = url
        self.supports = supports
        self.dated = dated
        self.title = title
        self.archivedURL = archivedURL
    }

    public init(_ citation: Citation) {
        self.init(
            url: citation.url, supports: citation.supports, dated: citation.dated, title: citation.title,
            archivedURL: citation.archivedURL)
    }

    public var citation: Citation {
        Citation(url: url, supports: supports, dated: dated, title: title, archivedURL: archivedURL)
    }

    enum CodingKeys: String, CodingKey {
        case url, supports, dated, title
        case archivedURL = "archived_url"
    }
}
