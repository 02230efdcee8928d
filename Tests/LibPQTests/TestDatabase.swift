import Foundation
import LibPQ
import Logging
import Testing

/// A throwaway database for one test, created from DATABASE_URL (a superuser URL that scripts/test
/// provides) and dropped when the suite instance goes away, so tests can run in parallel.
final class TestDatabase {
    struct MissingDatabaseURL: Error, CustomStringConvertible {
        var description: String {
            "DATABASE_URL is not set. The LibPQ tests need a real PostgreSQL superuser connection: run scripts/test, "
                + "or start one (scripts/dev-db) and export DATABASE_URL=postgresql://…"
        }
    }

    let adminURL: String
    let name: String
    private var roles: [String] = []

    init() throws {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty else {
            throw MissingDatabaseURL()
        }
        adminURL = url
        name = "libpq_test_" + Self.randomSuffix()
        let admin = try Connection(url: url)
        defer { admin.close() }
        try admin.executeScript(unsafeSQL: "CREATE DATABASE \(try admin.escapeIdentifier(name))")
    }

    deinit {
        guard let admin = try? Connection(url: adminURL) else { return }
        defer { admin.close() }
        if let database = try? admin.escapeIdentifier(name) {
            _ = try? admin.executeScript(unsafeSQL: "DROP DATABASE IF EXISTS \(database) WITH (FORCE)")
        }
        for role in roles {
            if let role = try? admin.escapeIdentifier(role) {
                _ = try? admin.executeScript(unsafeSQL: "DROP ROLE IF EXISTS \(role)")
            }
        }
    }

    /// A superuser connection to this test's database.
    func connect(logger: Logger = Logger(label: "LibPQTests")) throws -> Connection {
        try Connection(url: adminURL, parameters: ["dbname": name], logger: logger)
    }

    /// Creates a login role without privileges (dropped after the database); returns its credentials.
    func makeRole() throws -> (name: String, password: String) {
        let role = "libpq_test_role_" + Self.randomSuffix()
        let password = Self.randomSuffix() + Self.randomSuffix()
        let admin = try connect()
        defer { admin.close() }
        roles.append(role)
        try admin.executeScript(
            unsafeSQL:
                "CREATE ROLE \(try admin.escapeIdentifier(role)) LOGIN PASSWORD \(try admin.escapeLiteral(password))"
        )
        return (role, password)
    }

    static func randomSuffix() -> String {
        String(UInt64.random(in: 0...UInt64.max), radix: 36)
    }
}
