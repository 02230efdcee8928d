/// Someone who can log in to ClaimDesk: a PostgreSQL login role with editorial roles.
public struct Person: Hashable, Sendable, Codable {
    public var handle: String
    public var name: String?
    public var roles: [String]

    public init(handle: String, name: String?, roles: [String]) {
        self.handle = handle
        self.name = name
        self.roles = roles
    }
}
