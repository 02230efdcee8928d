import ClaimDeskDomain
import ClaimDeskTestSupport
import Foundation
import LibPQ
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Exports from a hot-standby read replica, as a busy site does: the test cluster that `scripts/dev-db` runs gets a
/// streaming standby (`scripts/dev-db replica start`: `pg_basebackup -R` over the local socket), and the exporter role
/// exports from it. A standby refuses every write and every lock stronger than a read, so a successful export there
/// proves the export needs neither.
@Suite("Export from a read replica")
struct ReplicaExportTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("a full, an incremental and a --check export from a hot standby match exports from the primary byte for byte")
    func exportFromReplica() throws {
        let site = try ExportCLITests.Site()
        let replica = try Replica.start()
        defer { replica.stop() }

        let primaryAdmin = try site.desk.db.connect()
        defer { primaryAdmin.close() }
        let replicaAdmin = try Connection(url: try replica.url(for: site.desk.db.url()))
        defer { replicaAdmin.close() }
        // The standby is a copy of this very cluster, and read-only.
        let identity = "SELECT system_identifier::text AS id FROM pg_control_system()"
        #expect(
            try replicaAdmin.query(Query(unsafeSQL: identity)).first?.decode("id", as: String.self)
                == primaryAdmin.query(Query(unsafeSQL: identity)).first?.decode("id", as: String.self))
        #expect(
            try replicaAdmin.query("SELECT pg_is_in_recovery()::text AS r").first?.decode("r", as: String.self)
                == "true")
        try replica.waitForReplay(primary: primaryAdmin, replica: replicaAdmin)

        let replicaExporter = try replica.url(for: site.desk.db.url(as: site.exporter))
        let fromPrimary = site.folder.appendingPathComponent("primary").path
        let primaryRun = try site.desk.run(
            site.exporter, ["export", "--out", fromPrimary, "--as-of", "2026-07-01", "--json"])
        expectSuccess(primaryRun)
        let full = try CLI.run(["export", "--out", site.out, "--as-of", "2026-07-01", "--database", replicaExporter])
        expectSuccess(full)
        let primaryFiles = try site.files(at: fromPrimary)
        #expect(primaryFiles.count > 5)
        #expect(try site.files() == primaryFiles, "the replica's export differs from the primary's")

        // A publish on the primary reaches the replica; an incremental export there picks it up.
        try site.republishTraining(headline: "Changed on the primary, exported from the replica.")
        try replica.waitForReplay(primary: primaryAdmin, replica: replicaAdmin)
        let incremental = try CLI.run(
            [
                "export", "--out", site.out, "--as-of", "2026-07-01", "--incremental", "--json", "--database",
                replicaExporter,
            ])
        expectSuccess(incremental)
        let summary = try #require(try incremental.json() as? [String: Any])
        #expect(summary["mode"] as? String == "incremental")
        #expect(
            try site.file("tools/deepseek/index.html").contains("Changed on the primary, exported from the replica."))
        let fresh = site.folder.appendingPathComponent("fresh").path
        expectSuccess(try site.desk.run(site.exporter, ["export", "--out", fresh, "--as-of", "2026-07-01"]))
        #expect(
            try site.files() == site.files(at: fresh), "an incremental export on the replica differs from a full one")

        let check = try CLI.run(["export", "--out", site.out, "--check", "--json", "--database", replicaExporter])
        expectSuccess(check)
        let report = try #require(try check.json() as? [String: Any])
        #expect(report["drift"] as? [String] == [] && report["modified"] as? [String] == [])
    }
}

/// The dev cluster's hot standby, through `scripts/dev-db replica`.
struct Replica {
    let host: String
    let port: String

    static func start() throws -> Replica {
        let started = try devDB(["replica", "start"])
        guard started.status == 0 else { throw CLITestError("scripts/dev-db replica start failed: \(started.stderr)") }
        let env = try devDB(["replica", "env"])
        var values: [String: String] = [:]
        for line in env.stdout.split(separator: "\n") {
            guard line.hasPrefix("export "), let equals = line.firstIndex(of: "=") else { continue }
            let key = String(line[line.index(line.startIndex, offsetBy: 7)..<equals])
            values[key] = String(line[line.index(after: equals)...]).trimmingCharacters(in: CharacterSet(["'"]))
        }
        guard let host = values["REPLICA_PGHOST"], let port = values["REPLICA_PGPORT"] else {
            throw CLITestError("scripts/dev-db replica env printed no host and port: \(env.stdout) \(env.stderr)")
        }
        return Replica(host: host, port: port)
    }

    func stop() { _ = try? Replica.devDB(["replica", "stop"]) }

    /// `url` (a URL of the primary) pointed at the replica: same database and login, the replica's socket and port.
    func url(for url: String) throws -> String {
        guard var components = URLComponents(string: url) else { throw CLITestError("not a URL: \(url)") }
        var items = (components.queryItems ?? []).filter { $0.name != "host" && $0.name != "port" }
        items.append(URLQueryItem(name: "host", value: host))
        items.append(URLQueryItem(name: "port", value: port))
        components.host = ""  // empty, not nil: libpq wants postgresql:///DB?host=SOCKET
        components.port = nil
        components.queryItems = items
        guard let result = components.string else { throw CLITestError("cannot point \(url) at the replica") }
        return result
    }

    /// Waits until the replica has replayed everything the primary has written so far.
    func waitForReplay(primary: Connection, replica: Connection) throws {
        // The insert position, not the write position: the throwaway cluster runs with synchronous_commit off, so a
        // committed publish can still sit in WAL buffers past pg_current_wal_lsn(). And, to be sure, the rows too:
        // wait until the standby sees the primary's last publish number.
        let lsn = try primary.query("SELECT pg_current_wal_insert_lsn()::text AS lsn").first?.decode(
            "lsn", as: String.self)
        let published = "SELECT coalesce(max(seq), 0)::text AS seq FROM claimdesk.publications"
        let seq = try primary.query(Query(unsafeSQL: published)).first?.decode("seq", as: String.self)
        for _ in 0..<600 {
            let caughtUp = try replica.query(
                "SELECT (pg_last_wal_replay_lsn() >= \(lsn)::pg_lsn)::text AS ok"
            ).first?.decode("ok", as: String.self)
            let seen = try replica.query(Query(unsafeSQL: published)).first?.decode("seq", as: String.self)
            if caughtUp == "true" && seen == seq { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw CLITestError("the replica did not replay up to \(lsn ?? "?") within 60 seconds")
    }

    /// Runs `scripts/dev-db ARGUMENTS` through `system(3)`, which waits with `waitpid`. Not `Process`: the server it
    /// starts inherits every descriptor, including the one `Process` watches for the child's exit, and would keep it
    /// open (and `Process` waiting) for as long as it runs. Output goes through files for the same reason.
    static func devDB(_ arguments: [String]) throws -> CLIResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "claimdesk-dev-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout")
        let errURL = folder.appendingPathComponent("stderr")
        let quoted = ([ReplicaExportTests.repository.appendingPathComponent("scripts/dev-db").path] + arguments)
            .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let status = system("\(quoted) </dev/null >'\(outURL.path)' 2>'\(errURL.path)'")
        return CLIResult(
            arguments: arguments, status: (status >> 8) & 0xFF,
            stdout: String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self),
            stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self),
            crashed: status & 0x7F != 0)
    }
}
