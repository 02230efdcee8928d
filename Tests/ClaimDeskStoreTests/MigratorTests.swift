import ClaimDeskStore
import ClaimDeskTestSupport
import Foundation
import LibPQ
import Testing

@Suite("Migrations")
struct MigratorTests {
    /// A fresh, empty database (not cloned from the migrated template).
    final class EmptyDatabase {
        let name = "cd_empty_\(UUID().uuidString.prefix(8).lowercased())"
        let url: String

        init() throws {
            let admin = try Connection(url: try TestDatabase.adminURL())
            defer { admin.close() }
            try admin.execute(Query(unsafeSQL: "CREATE DATABASE \(try admin.escapeIdentifier(name))"))
            var components = try #require(URLComponents(string: try TestDatabase.adminURL()))
            components.path = "/" + name
            url = try #require(components.string)
        }

        deinit {
            if let admin = try? Connection(url: try? TestDatabase.adminURL()) {
                _ = try? admin.execute(Query(unsafeSQL: "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)"))
                admin.close()
            }
        }
    }

    @Test("the embedded migrations are exactly the files of sql/")
    func embeddedEqualsSQLFolder() throws {
        let sqlFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sql")
        let files = try FileManager.default.contentsOfDirectory(atPath: sqlFolder.path).filter { $0.hasSuffix(".sql") }
            .sorted()
        #expect(Migration.embedded.map(\.name) == files)
        for migration in Migration.embedded {
            let text = try String(contentsOf: sqlFolder.appendingPathComponent(migration.name), encoding: .utf8)
            #expect(migration.sql == text, "\(migration.name) differs from the embedded copy")
        }
        #expect(files.count >= 6)
    }

    @Test("migrate applies everything once; a second run is a no-op")
    func migrateTwice() throws {
        let empty = try EmptyDatabase()
        let connection = try Connection(url: empty.url)
        let first = try Migrator().migrate(connection)
        #expect(first == Migration.embedded.map(\.name))
        #expect(try Migrator().migrate(connection).isEmpty)
        let status = try Migrator().status(connection)
        #expect(status.pending.isEmpty)
        #expect(status.migrations.allSatisfy { $0.state == .applied })
    }

    @Test("two migrations started together both succeed")
    func concurrentMigrations() async throws {
        let empty = try EmptyDatabase()
        let url = empty.url
        async let a: [String] = Task.detached { try Migrator().migrate(try Connection(url: url)) }.value
        async let b: [String] = Task.detached { try Migrator().migrate(try Connection(url: url)) }.value
        let (ra, rb) = try await (a, b)
        #expect((ra + rb).sorted() == Migration.embedded.map(\.name).sorted())
    }

    @Test("an applied migration whose file changed is refused, naming it")
    func tamperedChecksum() throws {
        let empty = try EmptyDatabase()
        let connection = try Connection(url: empty.url)
        try Migrator().migrate(connection)
        var tampered = Migration.embedded
        tampered[1] = Migration(name: tampered[1].name, sql: tampered[1].sql + "\n-- edited\n")
        do {
            try Migrator(migrations: tampered).migrate(connection)
            Issue.record("a tampered migration was accepted")
        } catch {
            #expect(error.kind == .migration)
            #expect(error.description.contains(tampered[1].name))
        }
        #expect(try Migrator(migrations: tampered).status(connection).migrations[1].state == .modified)
    }

    @Test("a failed migration is rolled back and names the cause")
    func failedMigrationRollsBack() throws {
        let empty = try EmptyDatabase()
        let connection = try Connection(url: empty.url)
        let broken =
            Migration.embedded + [
                Migration(name: "9999_broken.sql", sql: "CREATE TABLE claimdesk.x (a int); SELECT 1/0;")
            ]
        do {
            try Migrator(migrations: broken).migrate(connection)
            Issue.record("a broken migration succeeded")
        } catch {
            #expect(error.description.contains("division by zero"))
        }
        let status = try Migrator(migrations: broken).status(connection)
        #expect(status.pending.map(\.name) == ["9999_broken.sql"])
        #expect(
            try connection.query("SELECT to_regclass('claimdesk.x') IS NULL AS gone").first?.decode(
                "gone", as: Bool.self) == true)
    }

    @Test("a reader's long transaction makes a migration fail after the lock wait, not hang, and changes nothing")
    func migrationLockTimeout() throws {
        let f = try Fixture()
        let reader = try f.db.connect(as: f.editor)
        defer { reader.close() }
        try reader.executeScript(unsafeSQL: "BEGIN; SELECT count(*) FROM claimdesk.tools;")
        let owner = try f.db.connect()
        defer { owner.close() }
        var migrator = Migrator(
            migrations: Migration.embedded + [
                Migration(name: "9999_alter.sql", sql: "ALTER TABLE claimdesk.tools ADD COLUMN extra int;")
            ])
        migrator.lockWait = .seconds(1)
        do {
            try migrator.migrate(owner)
            Issue.record("the migration altered a table a reader holds")
        } catch {
            #expect(error.kind == .conflict, "\(error)")
            #expect(error.message.contains("another session keeps locked"), "\(error)")
        }
        #expect(try migrator.status(owner).pending.map(\.name) == ["9999_alter.sql"])
    }
}
