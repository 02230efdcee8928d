import ClaimDeskStore
import Foundation
import LibPQ

/// A database of its own for one test, cloned from a migrated template so tests run in parallel without
/// stepping on each other. Needs `DATABASE_URL` (a superuser connection), which `scripts/test` provides.
public final class TestDatabase: @unchecked Sendable {
    public let name: String
    /// A prefix for this database's login roles; roles are cluster-wide, databases are not.
    public let rolePrefix: String
    private(set) var roles: [String] = []
    private let lock = NSLock()

    /// The superuser URL the tests were given.
    public static func adminURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty else {
            throw TestSupportError(
                "DATABASE_URL is not set: database tests need a PostgreSQL server. Run them with scripts/test.")
        }
        return url
    }

    /// Creates a fresh migrated database; `drop()` removes it and its roles.
    public static func create() throws -> TestDatabase {
        let template = try Template.shared.name()
        let suffix = String(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(10))
        let name = "cd_test_\(suffix)"
        let admin = try Connection(url: try adminURL())
        defer { admin.close() }
        let sql = Query(
            unsafeSQL:
                "CREATE DATABASE \(try admin.escapeIdentifier(name)) TEMPLATE \(try admin.escapeIdentifier(template))")
        for attempt in 1...50 {
            // Another test may be cloning the template at this instant; CREATE DATABASE needs it idle.
            if try cloned(admin, sql, lastAttempt: attempt == 50) { break }
            Thread.sleep(forTimeInterval: 0.05 * Double(attempt))
        }
        return TestDatabase(name: name, rolePrefix: "t\(suffix.prefix(8))")
    }

    private static func cloned(_ admin: Connection, _ sql: Query, lastAttempt: Bool) throws -> Bool {
        do {
            try admin.execute(sql)
            return true
        } catch {
            if error.sqlState == .objectInUse && !lastAttempt { return false }
            throw error
        }
    }

    /// Runs `body` with a fresh database and always drops it afterwards.
    public static func with<T>(_ body: (TestDatabase) throws -> T) throws -> T {
        let db = try create()
        defer { db.drop() }
        return try body(db)
    }

    init(name: String, rolePrefix: String) {
        self.name = name
        self.rolePrefix = rolePrefix
    }

    /// A connection URL for this database as `user` (the superuser when nil); the local socket trusts any role.
    public func url(as user: String? = nil) throws -> String {
        guard var components = URLComponents(string: try TestDatabase.adminURL()) else {
            throw TestSupportError("DATABASE_URL is not a URL")
        }
        components.path = "/" + name
        var items = (components.queryItems ?? []).filter { $0.name != "dbname" && $0.name != "user" }
        if let user {
            components.user = nil
            components.password = nil
            items.append(URLQueryItem(name: "user", value: user))
        } else if let existing = (components.queryItems ?? []).first(where: { $0.name == "user" }) {
            items.append(existing)
        }
        components.queryItems = items.isEmpty ? nil : items
        guard let url = components.string else { throw TestSupportError("cannot build a URL for \(name)") }
        return url
    }

    public func connect(as user: String? = nil) throws -> Connection {
        try Connection(url: try url(as: user))
    }

    public func store(as user: String? = nil) throws -> Store {
        Store(connection: try connect(as: user))
    }

    /// Creates a login role named `<prefix>_<handle>` with the given ClaimDesk roles, as the superuser would.
    @discardableResult
    public func makeUser(_ handle: String, roles: [String]) throws -> String {
        let login = "\(rolePrefix)_\(handle)"
        let admin = try connect()
        defer { admin.close() }
        let ident = try admin.escapeIdentifier(login)
        try admin.execute(Query(unsafeSQL: "CREATE ROLE \(ident) LOGIN"))
        for role in roles {
            try admin.execute(Query(unsafeSQL: "GRANT \(try admin.escapeIdentifier("claimdesk_" + role)) TO \(ident)"))
            // Rights count only in the database whose members table records them (sql/0007).
            try admin.execute("INSERT INTO claimdesk.members (handle, role) VALUES (\(login), \(role))")
        }
        lock.withLock { self.roles.append(login) }
        return login
    }

    /// Remembers a role created some other way (e.g. by `claimdesk user add`) so `drop()` removes it.
    public func adopt(role: String) {
        lock.withLock { roles.append(role) }
    }

    /// A snapshot of every ClaimDesk table, to prove that a refused command changed nothing.
    public func snapshot() throws -> String {
        let admin = try connect()
        defer { admin.close() }
        let result = try admin.query(
            """
            SELECT string_agg(t, E'\\n' ORDER BY t) AS snap FROM (
                SELECT 'tools ' || (SELECT coalesce(jsonb_agg(x ORDER BY x.slug)::text, '') FROM claimdesk.tools x)
                UNION ALL SELECT 'tiers ' || (SELECT coalesce(jsonb_agg(x ORDER BY x.tool_slug, x.slug)::text, '') FROM claimdesk.tiers x)
                UNION ALL SELECT 'claims ' || (SELECT coalesce(jsonb_agg(x ORDER BY x.id)::text, '') FROM claimdesk.claims x)
                UNION ALL SELECT 'revisions ' || (SELECT coalesce(jsonb_agg(x ORDER BY x.id)::text, '') FROM claimdesk.revisions x)
                UNION ALL SELECT 'citations ' || (SELECT coalesce(jsonb_agg(x ORDER BY x.id)::text, '') FROM claimdesk.citations x)
                UNION ALL SELECT 'publications ' || (SELECT coalesce(jsonb_agg(x ORDER BY x.seq)::text, '') FROM claimdesk.publications x)
                UNION ALL SELECT 'audit ' || (SELECT coalesce(jsonb_agg(x ORDER BY x.id)::text, '') FROM claimdesk.audit_log x)
                UNION ALL SELECT 'people ' || (SELECT coalesce(jsonb_agg(x ORDER BY x.handle)::text, '') FROM claimdesk.people x)
            ) s(t)
            """)
        return try result.first?.decode("snap", as: String.self) ?? ""
    }

    /// Drops the database and the roles made for it; failures are ignored because the cluster is throwaway.
    public func drop() {
        guard let admin = try? Connection(url: try? TestDatabase.adminURL()) else { return }
        defer { admin.close() }
        if let ident = try? admin.escapeIdentifier(name) {
            _ = try? admin.execute(Query(unsafeSQL: "DROP DATABASE IF EXISTS \(ident) WITH (FORCE)"))
        }
        for role in lock.withLock({ roles }) {
            if let ident = try? admin.escapeIdentifier(role) {
                _ = try? admin.execute(Query(unsafeSQL: "DROP ROLE IF EXISTS \(ident)"))
            }
        }
    }
}

/// The migrated template, built once per process (and shared across processes by name and checksum).
final class Template: @unchecked Sendable {
    static let shared = Template()
    private let lock = NSLock()
    private var cached: Result<String, any Error>?

    func name() throws -> String {
        try lock.withLock {
            if let cached { return try cached.get() }
            let result = Result { try build() }
            cached = result
            return try result.get()
        }
    }

    private func build() throws -> String {
        let digest = Migration.embedded.map(\.checksum).joined().utf8.reduce(UInt64(1_469_598_103_934_665_603)) {
            ($0 ^ UInt64($1)) &* 1_099_511_628_211
        }
        let name = "cd_template_\(String(digest, radix: 16))"
        let admin = try Connection(url: try TestDatabase.adminURL())
        defer { admin.close() }
        try admin.query("SELECT pg_advisory_lock(4242424242)")
        defer { _ = try? admin.query("SELECT pg_advisory_unlock(4242424242)") }
        let existing = try admin.query("SELECT datistemplate FROM pg_database WHERE datname = \(name)")
        if let row = existing.first {
            if try row.decode("datistemplate", as: Bool.self) { return name }
            try admin.execute(Query(unsafeSQL: "DROP DATABASE \(try admin.escapeIdentifier(name)) WITH (FORCE)"))
        }
        try admin.execute(Query(unsafeSQL: "CREATE DATABASE \(try admin.escapeIdentifier(name))"))
        guard var components = URLComponents(string: try TestDatabase.adminURL()) else {
            throw TestSupportError("DATABASE_URL is not a URL")
        }
        components.path = "/" + name
        let connection = try Connection(url: components.string ?? "")
        do {
            try Migrator().migrate(connection)
            connection.close()
        } catch {
            connection.close()
            throw error
        }
        try admin.execute(Query(unsafeSQL: "ALTER DATABASE \(try admin.escapeIdentifier(name)) WITH IS_TEMPLATE true"))
        return name
    }
}

public struct TestSupportError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
