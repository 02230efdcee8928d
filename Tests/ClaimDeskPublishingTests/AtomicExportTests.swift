import ClaimDeskDomain
import Foundation
import Testing

@testable import ClaimDeskPublishing

#if canImport(Glibc)
    import Glibc
#endif

/// A reader (or a crash) never sees a half-written site: the previous export stays whole until the new one
/// replaces it, and what a crashed run leaves behind is repaired by the next one.
@Suite("Atomic export")
struct AtomicExportTests {
    struct InjectedFailure: Error {}

    /// A catalogue whose export differs from the fixture's in every tool file, so a half-applied export would show.
    static var changedCatalog: PublishedCatalog {
        var catalog = Fixtures.catalog
        for index in catalog.tools.indices {
            for claim in catalog.tools[index].claims.indices { catalog.tools[index].claims[claim].headline += " (v2)" }
        }
        catalog.seq = 30
        return catalog
    }

    func exporter(failingAt path: String? = nil, afterWrites: Int = 0, beforeCommit: Bool = false) throws
        -> SiteExporter
    {
        var exporter = try SiteExporter()
        let writes = Locked(0)
        if let path {
            exporter.hooks.beforeWrite = { written in
                let count = writes.withLock { value -> Int in
                    value += 1
                    return value
                }
                if written == path || (path == "*" && count > afterWrites) { throw InjectedFailure() }
            }
        }
        if beforeCommit { exporter.hooks.beforeCommit = { throw InjectedFailure() } }
        return exporter
    }

    func siblings(of site: URL) -> [String] {
        TestSupport.entries(of: site.deletingLastPathComponent()).filter { $0 != site.lastPathComponent }
    }

    @Test("when rendering fails midway the previous export stays whole and no work folder leaks", arguments: [1, 5])
    func failureMidway(afterWrites: Int) throws {
        let site = try SiteAssertions.export()
        let before = try TestSupport.files(in: site)
        let failing = try exporter(failingAt: "*", afterWrites: afterWrites)
        #expect(throws: InjectedFailure.self) {
            try failing.export(catalog: Self.changedCatalog, config: Fixtures.config, to: site)
        }
        #expect(try TestSupport.files(in: site) == before)
        #expect(siblings(of: site) == [".site.lock"])
        #expect(try SiteExporter().check(dir: site, against: Fixtures.catalog, config: Fixtures.config).isClean)
    }

    @Test("a failure after a spare exists leaves the live export whole, and the next export repairs the spare")
    func failureWithSpare() throws {
        let site = try SiteAssertions.export()
        _ = try SiteExporter().export(catalog: Fixtures.catalog, config: Fixtures.config, to: site)
        #expect(siblings(of: site) == [".site.lock", ".site.spare"])
        let before = try TestSupport.files(in: site)
        let failing = try exporter(failingAt: "*", afterWrites: 3)
        #expect(throws: InjectedFailure.self) {
            try failing.exportIncremental(changed: Self.changedCatalog, config: Fixtures.config, to: site)
        }
        #expect(try TestSupport.files(in: site) == before)
        // The interrupted spare has no manifest, so it is not trusted.
        #expect(
            !FileManager.default.fileExists(
                atPath: site.deletingLastPathComponent().appendingPathComponent(".site.spare/manifest.json").path))
        _ = try SiteExporter().exportIncremental(changed: Self.changedCatalog, config: Fixtures.config, to: site)
        let full = try SiteAssertions.export(Self.changedCatalog, label: "full")
        #expect(try SiteAssertions.differences(site, full).isEmpty)
    }

    @Test("a failure just before the swap leaves the previous export whole")
    func failureBeforeSwap() throws {
        let site = try SiteAssertions.export()
        let before = try TestSupport.files(in: site)
        let failing = try exporter(beforeCommit: true)
        #expect(throws: InjectedFailure.self) {
            try failing.export(catalog: Self.changedCatalog, config: Fixtures.config, to: site)
        }
        #expect(try TestSupport.files(in: site) == before)
        #expect(!siblings(of: site).contains { $0.contains(".tmp-") })
    }

    @Test("a crashed run's work folder is removed and an interrupted two-rename swap is put back by the next run")
    func crashLeftovers() throws {
        let site = try SiteAssertions.export()
        let parent = site.deletingLastPathComponent()
        let dead = try deadPID()
        // A crash while rendering into a fresh work folder.
        let staleWork = parent.appendingPathComponent(".site.tmp-\(dead)")
        try FileManager.default.createDirectory(
            at: staleWork.appendingPathComponent("tools/half"), withIntermediateDirectories: true)
        try Data("partial".utf8).write(to: staleWork.appendingPathComponent("tools/half/index.html"))
        // A crash between the two renames of the fallback swap: the live export is moved aside, DIR is missing.
        let aside = parent.appendingPathComponent(".site.old-\(dead)")
        try FileManager.default.moveItem(at: site, to: aside)

        let report = try SiteExporter().export(catalog: Self.changedCatalog, config: Fixtures.config, to: site)
        #expect(report.seq == 30)
        #expect(!FileManager.default.fileExists(atPath: staleWork.path))
        #expect(!FileManager.default.fileExists(atPath: aside.path))
        #expect(try SiteExporter().check(dir: site, against: Self.changedCatalog, config: Fixtures.config).isClean)
    }

    @Test("an interrupted two-rename swap is recovered before anything else reads the export")
    func recoverBeforeIncremental() throws {
        let site = try SiteAssertions.export()
        let aside = site.deletingLastPathComponent().appendingPathComponent(".site.old-\(try deadPID())")
        try FileManager.default.moveItem(at: site, to: aside)
        _ = try SiteExporter().exportIncremental(changed: Self.changedCatalog, config: Fixtures.config, to: site)
        #expect(try SiteExporter().check(dir: site, against: Self.changedCatalog, config: Fixtures.config).isClean)
    }

    @Test("without RENAME_EXCHANGE the two-rename swap gives the same site and keeps the spare")
    func twoRenameSwap() throws {
        let site = try SiteAssertions.export()
        var exporter = try SiteExporter()
        exporter.hooks.allowExchange = false
        _ = try exporter.export(catalog: Self.changedCatalog, config: Fixtures.config, to: site)
        _ = try exporter.exportIncremental(changed: Fixtures.catalog.withSeq(31), config: Fixtures.config, to: site)
        let full = try SiteAssertions.export(Fixtures.catalog.withSeq(31), label: "full")
        #expect(try SiteAssertions.differences(site, full).isEmpty)
        #expect(siblings(of: site) == [".site.lock", ".site.spare"])
    }

    @Test("a full export repairs a spare someone changed, so nothing stray reaches the site")
    func fullRepairsSpare() throws {
        let site = try SiteAssertions.export()
        _ = try SiteExporter().export(catalog: Fixtures.catalog, config: Fixtures.config, to: site)
        let spare = site.deletingLastPathComponent().appendingPathComponent(".site.spare")
        try Data("stray".utf8).write(to: spare.appendingPathComponent("tools/stray.html"))
        try Data("edited".utf8).write(to: spare.appendingPathComponent("index.html"))
        _ = try SiteExporter().export(catalog: Fixtures.catalog, config: Fixtures.config, to: site)
        #expect(try SiteExporter().check(dir: site, against: Fixtures.catalog, config: Fixtures.config).isClean)
    }

    @Test("a folder that is not an export is refused, not replaced")
    func refusesForeignFolder() throws {
        let folder = try TestSupport.scratch().appendingPathComponent("site")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        #expect(throws: ExportError.notAnExport(path: folder.standardizedFileURL.path)) {
            try SiteExporter().export(catalog: Fixtures.catalog, config: Fixtures.config, to: folder)
        }
        #expect(TestSupport.entries(of: folder) == ["notes.txt"])
    }

    @Test("an output folder whose parent cannot hold it is reported as such")
    func unwritableParent() throws {
        let file = try TestSupport.scratch().appendingPathComponent("a-file")
        try Data().write(to: file)
        let target = file.appendingPathComponent("site")
        #expect(throws: ExportError.self) {
            try SiteExporter().export(catalog: Fixtures.catalog, config: Fixtures.config, to: target)
        }
        do {
            _ = try SiteExporter().export(catalog: Fixtures.catalog, config: Fixtures.config, to: target)
        } catch let error as ExportError {
            guard case .parentNotWritable = error else {
                Issue.record("expected parentNotWritable, got \(error)")
                return
            }
            #expect(error.localizedDescription.contains("check that the parent folder exists"))
        }
    }

    @Test("a second export of the same folder while one runs is refused")
    func oneAtATime() throws {
        let site = try SiteAssertions.export()
        let lock = site.deletingLastPathComponent().appendingPathComponent(".site.lock")
        let fd = open(lock.path, O_RDWR)
        #expect(fd >= 0)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        #expect(throws: ExportError.exportRunning(path: site.standardizedFileURL.path)) {
            try SiteExporter().export(catalog: Fixtures.catalog, config: Fixtures.config, to: site)
        }
    }

    /// The pid of a process that has exited, as a crashed exporter's would be.
    func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}

extension PublishedCatalog {
    func withSeq(_ seq: Int64) -> PublishedCatalog {
        var copy = self
        copy.seq = seq
        return copy
    }
}
