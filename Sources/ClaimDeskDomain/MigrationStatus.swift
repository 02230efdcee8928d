import Foundation

/// What `claimdesk status` reports: who is connected and which migrations are applied or pending.
public struct MigrationStatus: Hashable, Sendable, Codable {
    public struct Entry: Hashable, Sendable, Codable {
        public enum State: String, Sendable, Codable {
            case applied, pending
            /// Applied, but the file changed since: refused until restored.
            case modified
            /// Recorded in the database but unknown to this build of claimdesk.
            case unknown
        }
        public var name: String
        public var state: State
        public var checksum: String
        public var appliedAt: Date?

        public init(name: String, state: State, checksum: String, appliedAt: Date?) {
            self.name = name
            self.state = state
            self.checksum = checksum
            self.appliedAt = appliedAt
        }
    }

    public var user: String
    public var database: String
    public var serverVersion: Int
    public var roles: [String]
    public var migrations: [Entry]
    public var publishSeq: Int64?

    public init(
        user: String, database: String, serverVersion: Int, roles: [String], migrations: [Entry], publishSeq: Int64?
    ) {
        self.user = user
        self.database = database
        self.serverVersion = serverVersion
        self.roles = roles
        self.migrations = migrations
        self.publishSeq = publishSeq
    }

    public var pending: [Entry] { migrations.filter { $0.state == .pending } }
}
