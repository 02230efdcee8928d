import ClaimDeskDomain
import ClaimDeskPublishing
import ClaimDeskStore
import ClaimDeskTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The atomicity guarantee tested the hard way: the real exporter process is killed with SIGKILL at several moments
/// of a full export, and the previous export must be whole at DIR every time.
@Suite("Killing the exporter")
struct ExportKillTests {
    /// Publishes `count` fictional tools straight through the tables and triggers (the benchmark's generator).
    static func seed(_ db: TestDatabase, tools count: Int) throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/bench.d/generate.sql")
        let sql = try String(contentsOf: script, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0 == "\\gexec" ? ";" : $0 }
            .filter { !$0.hasPrefix("\\") }
            .joined(separator: "\n")
            .replacingOccurrences(of: ":tools", with: String(count))
        let connection = try db.connect()
        defer { connection.close() }
        try connection.executeScript(unsafeSQL: sql)
    }

    /// 150 published tools, an exporter's database URL, and a scratch folder that will hold the export at `site`.
    struct Scene {
        let db: TestDatabase
        let url: String
        let folder: URL
        var out: URL { folder.appendingPathComponent("site") }

        init(_ name: String) throws {
            db = try TestDatabase.create()
            do {
                try ExportKillTests.seed(db, tools: 150)
                url = try db.url(as: try db.makeUser("xena", roles: ["exporter"]))
                folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                    "claimdesk-\(name)-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                db.drop()
                throw error
            }
        }

        func close() {
            try? FileManager.default.removeItem(at: folder)
            db.drop()
        }
    }

    /// Starts the real binary with `arguments`, SIGKILLs it after `delay` seconds; true when the kill landed while
    /// it was still running.
    func killed(_ arguments: [String], after delay: TimeInterval) throws -> Bool {
        let process = Process()
        process.executableURL = try CLI.binary()
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        let wasRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return wasRunning && process.terminationReason == .uncaughtSignal
    }

    /// The export at `out` is whole: the old one (`before`), or — if the kill came after the swap — the new one.
    func expectWhole(
        _ out: URL, before: [String: Data], newAsOf: String, after delay: TimeInterval,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let report = try SiteExporter().check(dir: out, against: nil, config: Self.config)
        #expect(
            report.missing.isEmpty && report.extra.isEmpty && report.modified.isEmpty, "after \(delay)s",
            sourceLocation: sourceLocation)
        if try files(out) != before {
            #expect(
                try SiteExporter.manifest(in: out)?.asOf == Day(newAsOf), "after \(delay)s",
                sourceLocation: sourceLocation)
        }
    }

    @Test("SIGKILL at any moment of an export leaves the previous export whole, and the next export succeeds")
    func killAtAnyMoment() throws {
        let scene = try Scene("kill")
        defer { scene.close() }
        let (folder, out, url) = (scene.folder, scene.out, scene.url)
        let started = Date()
        let first = try CLI.run(["export", "--out", out.path, "--as-of", "2026-07-01", "--database", url])
        let duration = Date().timeIntervalSince(started)
        #expect(first.status == 0, "\(first)")
        let before = try files(out)
        #expect(before.count > 300)

        // A different site (another as-of day flags other claims stale), so a completed swap would show.
        var killedMidway = 0
        // Kill points spread over a whole export, up to just past its usual end (so one may land after the swap).
        for delay in [0.05, 0.2, 0.4, 0.6, 0.75, 0.9, 1.0, 1.1].map({ $0 * duration }) {
            let arguments = ["export", "--out", out.path, "--as-of", "2026-11-01", "--database", url]
            if try killed(arguments, after: delay) {
                killedMidway += 1
                try expectWhole(out, before: before, newAsOf: "2026-11-01", after: delay)
            }
            let after = try files(out)
            // Put the old export back for the next round.
            if after != before {
                let restore = try CLI.run(["export", "--out", out.path, "--as-of", "2026-07-01", "--database", url])
                #expect(restore.status == 0, "\(restore)")
            }
        }
        #expect(killedMidway >= 2, "the export finished before any kill; the test proved nothing")
        let next = try CLI.run(["export", "--out", out.path, "--as-of", "2026-07-01", "--database", url])
        #expect(next.status == 0, "\(next)")
        #expect(try files(out) == before)
        // No half-written work folder is left lying around beside DIR, apart from the exporter's spare generation.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0 != "site" && $0 != ".site.spare" && $0 != ".site.lock"
        }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test("SIGKILL during an incremental export leaves the live export whole, and the next one equals a full export")
    func killIncremental() throws {
        let scene = try Scene("kill-incremental")
        defer { scene.close() }
        let (folder, out, url) = (scene.folder, scene.out, scene.url)
        let base = ["export", "--out", out.path, "--database", url]
        // Two full exports, so a spare generation exists for the incremental export to bring up to date in place.
        for _ in 0..<2 { #expect(try CLI.run(base + ["--as-of", "2026-07-01"]).status == 0) }
        let before = try files(out)
        // A later day flags claims stale, so the incremental export re-renders many pages from their JSON.
        let later = base + ["--as-of", "2026-11-01", "--incremental"]
        let started = Date()
        let timed = try CLI.run(later)
        let duration = Date().timeIntervalSince(started)
        #expect(timed.status == 0, "\(timed)")
        #expect(try SiteExporter.manifest(in: out)?.asOf == Day("2026-11-01"))

        var killedMidway = 0
        for delay in [0.15, 0.45, 0.75, 1.05].map({ $0 * duration }) {
            #expect(try CLI.run(base + ["--as-of", "2026-07-01"]).status == 0)
            #expect(try files(out) == before)
            guard try killed(later, after: delay) else { continue }
            killedMidway += 1
            try expectWhole(out, before: before, newAsOf: "2026-11-01", after: delay)
            // The next incremental export repairs whatever the killed one left in the spare.
            #expect(try CLI.run(later).status == 0, "after \(delay)s")
            let full = folder.appendingPathComponent("full-\(killedMidway)")
            #expect(
                try CLI.run(["export", "--out", full.path, "--database", url, "--as-of", "2026-11-01"]).status == 0)
            #expect(try files(out) == files(full), "after \(delay)s")
        }
        #expect(killedMidway >= 2, "the export finished before any kill; the test proved nothing")
    }

    static let config = SiteConfig(
        baseURL: "http://localhost:8000", notifyURL: "http://localhost:8000/notify/?tool={tool}",
        asOf: Day("2026-07-01") ?? Day.today())

    func files(_ root: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            result[String(url.path.dropFirst(root.path.count + 1))] = try Data(contentsOf: url)
        }
        return result
    }
}
