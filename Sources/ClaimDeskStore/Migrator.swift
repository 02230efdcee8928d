import ClaimDeskDomain
import Foundation
import LibPQ

/// Applies `sql/` migrations in order, each once and in its own transaction, under an advisory lock so that
/// concurrent runs queue instead of colliding; a file edited after it was applied is refused.
public struct Migrator: Sendable {
    /// Arbitrary but fixed: every claimdesk process contends for the same lock.
    static let lockKey: Int64 = 0x436C_6169_6D44_6B01

    public var migrations: [Migration]

    public init(migrations: [Migration] = Migration.embedded) {
        self.migrations = migrations
    }

    /// Applies what is pending and returns the names applied (empty when already up to date).
    @discardableResult
    public func migrate(_ connection: Connection) throws(StoreError) -> [String] {
        do {
            try acquireLock(connection)
            defer { _ = try? connection.query("SELECT pg_advisory_unlock(\(Migrator.lockKey))") }
            try connection.executeScript(
                unsafeSQL: """
                    SET client_min_messages = warning;
                    CREATE SCHEMA IF NOT EXISTS claimdesk;
                    CREATE TABLE IF NOT EXISTS claimdesk.schema_migrations (
                        name text PRIMARY KEY,
                        checksum text NOT NULL,
                        applied_at timestamptz NOT NULL DEFAULT now(),
                        applied_by text NOT NULL DEFAULT session_user
                    );
                    RESET client_min_messages;
                    """)
            let applied = try appliedChecksums(connection)
            try verify(applied)
            var done: [String] = []
            for migration in migrations where applied[migration.name] == nil {
                try connection.withTransaction {
                    // A reader's open transaction must not hold an ALTER TABLE (and everyone queued behind it)
                    // forever: wait as long as for the migration lock, then fail with the cause.
                    try connection.executeScript(
                        unsafeSQL: "SET LOCAL lock_timeout = '\(lockWait.components.seconds * 1000 + 1)ms'")
                    try connection.executeScript(unsafeSQL: migration.sql)
                    try connection.execute(
                        "INSERT INTO claimdesk.schema_migrations (name, checksum) VALUES (\(migration.name), \(migration.checksum))"
                    )
                }
                done.append(migration.name)
            }
            return done
        } catch let error as StoreError {
            throw error
        } catch let error as PostgresError where error.sqlState == .lockNotAvailable {
            throw StoreError(
                .conflict,
                "Migration waited \(lockWait.components.seconds) s for a table that another session keeps locked "
                    + "(a long-running transaction); nothing was changed",
                hint: "Find it with SELECT pid, usename, state, xact_start FROM pg_stat_activity ORDER BY xact_start, "
                    + "end it or wait for it, then run claimdesk migrate again.",
                sqlState: error.sqlState?.rawValue)
        } catch let error as PostgresError {
            throw StoreError(
                .migration, "Migration failed: \(error.description)",
                hint: "Fix the cause and run `claimdesk migrate` again; the failed migration was rolled back.",
                sqlState: error.sqlState?.rawValue)
        } catch {
            throw StoreError(.migration, "Migration failed: \(error.localizedDescription)")
        }
    }

    /// How long `migrate` waits for another session's migration lock before giving up with the holder's name.
    public var lockWait: Duration = .seconds(60)

    /// Any login role can take an advisory lock, so waiting forever would let one block every upgrade: wait a
    /// bounded time, then name the session that holds it.
    private func acquireLock(_ connection: Connection) throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: lockWait)
        while true {
            let got = try connection.query("SELECT pg_try_advisory_lock(\(Migrator.lockKey)) AS got")
            if try got.first?.decode("got", as: Bool.self) == true { return }
            if clock.now >= deadline { break }
            Thread.sleep(forTimeInterval: 0.2)
        }
        let holder = try connection.query(
            """
            SELECT a.pid, coalesce(a.usename::text, '?') AS who, coalesce(a.application_name, '') AS app,
                   coalesce(a.client_addr::text, 'local') AS addr
            FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND ((l.classid::bigint << 32) | l.objid::bigint) = \(Migrator.lockKey) AND l.objsubid = 1
            LIMIT 1
            """)
        var who = "another session"
        if let row = holder.first {
            let pid = try row.decode("pid", as: Int.self)
            let user = try row.decode("who", as: String.self)
            let app = try row.decode("app", as: String.self)
            let addr = try row.decode("addr", as: String.self)
            who = "backend \(pid) (role \(user)\(app.isEmpty ? "" : ", application \(app)"), from \(addr))"
        }
        throw StoreError(
            .conflict,
            "Could not take the migration lock within \(lockWait.components.seconds) s: \(who) holds it",
            hint: "If no migration is running there, end that session (SELECT pg_terminate_backend(PID) as an admin "
                + "of the server), then run claimdesk migrate again.")
    }

    /// Applied and pending migrations, without changing anything.
    public func status(_ connection: Connection) throws(StoreError) -> MigrationStatus {
        do {
            let exists = try connection.query(
                "SELECT to_regclass('claimdesk.schema_migrations') IS NOT NULL AS present")
            let present = try exists.first?.decode("present", as: Bool.self) ?? false
            var rows: [String: (String, Date)] = [:]
            if present {
                for row in try connection.query("SELECT name, checksum, applied_at FROM claimdesk.schema_migrations") {
                    rows[try row.decode("name", as: String.self)] = (
                        try row.decode("checksum", as: String.self), try row.decode("applied_at", as: Date.self)
                    )
                }
            }
            var entries: [MigrationStatus.Entry] = migrations.map { m in
                guard let (checksum, at) = rows[m.name] else {
                    return .init(name: m.name, state: .pending, checksum: m.checksum, appliedAt: nil)
                }
                return .init(
                    name: m.name, state: checksum == m.checksum ? .applied : .modified, checksum: checksum,
                    appliedAt: at)
            }
            let known = Set(migrations.map(\.name))
            for (name, (checksum, at)) in rows where !known.contains(name) {
                entries.append(.init(name: name, state: .unknown, checksum: checksum, appliedAt: at))
            }
            entries.sort { $0.name < $1.name }
            // Since 0007 rights are per database: ask the schema which roles count here, when we may.
            let probe = try connection.query(
                """
                SELECT CASE WHEN to_regprocedure('claimdesk.my_roles()') IS NULL THEN false
                            WHEN NOT has_schema_privilege('claimdesk', 'USAGE') THEN false
                            ELSE has_function_privilege('claimdesk.my_roles()', 'EXECUTE') END AS scoped
                """)
            let scoped = present ? (try probe.first?.decode("scoped", as: Bool.self) ?? false) : false
            let roles = try connection.query(
                scoped
                    ? "SELECT array_to_json(claimdesk.my_roles()) AS roles"
                    : """
                    SELECT coalesce(array_to_json(array_agg(replace(r, 'claimdesk_', '') ORDER BY r)), '[]') AS roles FROM unnest(
                        ARRAY['claimdesk_admin', 'claimdesk_editor', 'claimdesk_exporter', 'claimdesk_reviewer']) AS r
                    WHERE CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN pg_has_role(session_user, r, 'MEMBER') END
                    """)
            let roleNames = try roles.first?.decodeJSON("roles", as: [String].self) ?? []
            var seq: Int64?
            if present, entries.contains(where: { $0.state == .applied }) {
                let s = try connection.query(
                    scoped
                        ? "SELECT claimdesk.last_publish_seq() AS seq"
                        : "SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS seq FROM claimdesk.publish_seq")
                seq = try s.first?.decode("seq", as: Int64.self)
            }
            return MigrationStatus(
                user: connection.user, database: connection.database, serverVersion: connection.serverVersion,
                roles: roleNames, migrations: entries, publishSeq: seq)
        } catch let error as PostgresError {
            throw StoreError(error)
        } catch {
            throw StoreError(
                .database, "Could not read the migration status: \(error.localizedDescription)",
                hint: "Check that claimdesk and the database's migrations match (claimdesk status), then try again.")
        }
    }

    /// Fails when the database is behind this build, or was migrated from different files.
    public func requireCurrent(_ connection: Connection) throws(StoreError) {
        let status = try status(connection)
        if status.migrations.allSatisfy({ $0.state == .pending }) { throw StoreError.notMigrated }
        try verify(
            Dictionary(
                uniqueKeysWithValues: status.migrations.filter { $0.state != .pending }.map { ($0.name, $0.checksum) }))
        if let first = status.pending.first {
            throw StoreError(
                .notMigrated, "The database lacks migration \(first.name) (\(status.pending.count) pending)",
                hint: "Run `claimdesk migrate`, then try again.")
        }
    }

    private func appliedChecksums(_ connection: Connection) throws -> [String: String] {
        var applied: [String: String] = [:]
        for row in try connection.query("SELECT name, checksum FROM claimdesk.schema_migrations") {
            applied[try row.decode("name", as: String.self)] = try row.decode("checksum", as: String.self)
        }
        return applied
    }

    private func verify(_ applied: [String: String]) throws(StoreError) {
        for migration in migrations {
            if let recorded = applied[migration.name], recorded != migration.checksum {
                throw StoreError(
                    .migration,
                    "Migration \(migration.name) was changed after it was applied (recorded sha256 \(recorded.prefix(12))…, file now \(migration.checksum.prefix(12))…)",
                    hint: "Restore the original file and put the change in a new numbered migration.")
            }
        }
        let known = Set(migrations.map(\.name))
        if let unknown = applied.keys.sorted().first(where: { !known.contains($0) }) {
            throw StoreError(
                .migration, "The database has migration \(unknown), which this claimdesk does not know",
                hint: "Use a claimdesk built from the same or a newer checkout.")
        }
    }
}
