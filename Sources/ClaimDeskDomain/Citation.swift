/// A source that supports a claim: what it says, and as of when.
public struct Citation: Hashable, Sendable, Codable {
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
}
