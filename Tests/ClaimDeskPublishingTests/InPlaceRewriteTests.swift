import ClaimDeskDomain
import Foundation
import Testing

@testable import ClaimDeskPublishing

#if canImport(Glibc)
    import Glibc
#endif

/// A changed file in the work folder is written in place when no other name shares it (no new inode), and replaced
/// when the live export shares it through a hard link, so the live site is never written through.
@Suite("Rewriting work-folder files in place")
struct InPlaceRewriteTests {
    static func inode(_ url: URL) throws -> (inode: UInt64, links: UInt64) {
        var info = stat()
        try #require(stat(url.path, &info) == 0)
        return (UInt64(info.st_ino), UInt64(info.st_nlink))
    }

    static func catalog(headlineSuffix: String, seq: Int64) -> PublishedCatalog {
        var catalog = Fixtures.catalog
        for index in catalog.tools.indices {
            for claim in catalog.tools[index].claims.indices {
                catalog.tools[index].claims[claim].headline += headlineSuffix
            }
        }
        catalog.seq = seq
        return catalog
    }

    @Test("a full export rewrites the spare's own files in place and gives the same site as a fresh export")
    func rewritesUnsharedFiles() throws {
        let site = try SiteAssertions.export()
        let exporter = try SiteExporter()
        _ = try exporter.export(
            catalog: Self.catalog(headlineSuffix: " (v2)", seq: 30), config: Fixtures.config, to: site)
        let spare = site.deletingLastPathComponent().appendingPathComponent(".site.spare")
        let page = "tools/deepseek/index.html"
        #expect(try Self.inode(spare.appendingPathComponent(page)).links == 1)
        // Held open across the export: a file written in place shows its new bytes here, a replaced one its old.
        let held = try FileHandle(forReadingFrom: spare.appendingPathComponent(page))
        defer { try? held.close() }
        let old = try Data(contentsOf: spare.appendingPathComponent(page))

        let third = Self.catalog(headlineSuffix: " (v3)", seq: 31)
        _ = try exporter.export(catalog: third, config: Fixtures.config, to: site)
        let new = try Data(contentsOf: site.appendingPathComponent(page))
        #expect(new != old)
        #expect(try held.readToEnd() == new)
        let fresh = try SiteAssertions.export(third, label: "fresh")
        #expect(try SiteAssertions.differences(site, fresh).isEmpty)
        #expect(try exporter.check(dir: site, against: third, config: Fixtures.config).isClean)
    }

    @Test("a file the live export shares through a hard link is replaced, never written through")
    func replacesSharedFiles() throws {
        let site = try SiteAssertions.export()
        let exporter = try SiteExporter()
        // An incremental export of another tool links deepseek's unchanged files from the live export.
        var after = Fixtures.catalog
        let changed = try #require(after.tools.firstIndex { $0.tool.slug.rawValue == "northwind-assistant" })
        after.tools[changed].claims[0].headline = "Now a different answer."
        after.tools[changed].lastSeq = 14
        after.seq = 14
        _ = try exporter.exportIncremental(
            changed: PublishedCatalog(
                topics: after.topics, tools: [after.tools[changed]], changes: after.changes, seq: after.seq),
            config: Fixtures.config, to: site)
        let page = "tools/deepseek/index.html"
        let live = try Self.inode(site.appendingPathComponent(page))
        #expect(live.links == 2)
        let liveBytes = try Data(contentsOf: site.appendingPathComponent(page))
        let held = try FileHandle(forReadingFrom: site.appendingPathComponent(page))
        defer { try? held.close() }

        let third = Self.catalog(headlineSuffix: " (v3)", seq: 31)
        _ = try exporter.export(catalog: third, config: Fixtures.config, to: site)
        // The previous live export is now the spare: its shared file still holds what it held.
        let spare = site.deletingLastPathComponent().appendingPathComponent(".site.spare")
        #expect(try Self.inode(spare.appendingPathComponent(page)).inode == live.inode)
        #expect(try Data(contentsOf: spare.appendingPathComponent(page)) == liveBytes)
        #expect(try held.readToEnd() == liveBytes)
        let fresh = try SiteAssertions.export(third, label: "fresh")
        #expect(try SiteAssertions.differences(site, fresh).isEmpty)
    }

    /// With the same headlines the page's bytes are what the spare's manifest lists, so the export first reads the
    /// file to compare; with new ones it goes straight to replacing it.
    @Test(
        "a FIFO left at a page's path in the spare is replaced and never blocks the export", arguments: ["", " (v3)"])
    func fifoInSpare(headlineSuffix: String) throws {
        let site = try SiteAssertions.export()
        let exporter = try SiteExporter()
        _ = try exporter.export(catalog: Fixtures.catalog, config: Fixtures.config, to: site)
        let fifo = site.deletingLastPathComponent().appendingPathComponent(".site.spare/tools/deepseek/index.html")
        try FileManager.default.removeItem(at: fifo)
        try #require(mkfifo(fifo.path, 0o644) == 0)

        let third = Self.catalog(headlineSuffix: headlineSuffix, seq: 31)
        let done = DispatchSemaphore(value: 0)
        let outcome = Locked<Result<ExportReport, any Error>?>(nil)
        DispatchQueue.global().async {
            let result = Result { try exporter.export(catalog: third, config: Fixtures.config, to: site) }
            outcome.withLock { $0 = result }
            done.signal()
        }
        if done.wait(timeout: .now() + 60) == .timedOut {
            Issue.record("the export blocked on the FIFO")
            // Unblocks an open waiting for the other end, so the export can finish before the test ends.
            let writer = open(fifo.path, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
            done.wait()
        }
        _ = try #require(outcome.withLock { $0 }).get()
        let fresh = try SiteAssertions.export(third, label: "fresh")
        #expect(try SiteAssertions.differences(site, fresh).isEmpty)
    }
}
