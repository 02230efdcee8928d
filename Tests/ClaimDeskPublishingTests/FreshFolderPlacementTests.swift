import ClaimDeskDomain
import Foundation
import Testing

@testable import ClaimDeskPublishing

#if canImport(Glibc)
    import Glibc
#endif

/// A fresh work folder asks ext4 to place its per-tool folders in block groups of their own (first exports were slow
/// where a deleted site's inodes had just been freed); the hint must never show in the site itself.
@Suite("Placing a fresh export's folders")
struct FreshFolderPlacementTests {
    /// Whether the file system holding `url` is ext2, ext3 or ext4, which all keep the top-of-hierarchy flag.
    static func isExtFamily(_ url: URL) -> Bool {
        guard let mounts = try? String(contentsOfFile: "/proc/self/mounts", encoding: .utf8) else { return false }
        let path = url.resolvingSymlinksInPath().path
        var best: (point: String, type: String) = ("", "")
        for line in mounts.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count > 2 else { continue }
            let point = String(fields[1])
            let inside = point == "/" || path == point || path.hasPrefix(point + "/")
            if inside, point.count >= best.point.count { best = (point, String(fields[2])) }
        }
        return ["ext2", "ext3", "ext4"].contains(best.type)
    }

    static func leftovers(in site: URL) -> [String] {
        (POSIXFile.walk(site.path) ?? []).map(\.path).filter { $0.contains(".place-") }
    }

    @Test("the new export folder carries the top-of-hierarchy mark where the file system keeps it")
    func marksFreshFolder() throws {
        let scratch = try TestSupport.scratch(#function)
        let probe = scratch.appendingPathComponent("probe")
        try FileManager.default.createDirectory(at: probe, withIntermediateDirectories: false)
        #expect(POSIXFile.isTopOfHierarchy(probe.path) != true)
        POSIXFile.markTopOfHierarchy(probe.path)
        let supported = POSIXFile.isTopOfHierarchy(probe.path) == true
        if Self.isExtFamily(scratch) { #expect(supported) }

        let site = try SiteAssertions.export()
        if supported { #expect(POSIXFile.isTopOfHierarchy(site.path) == true) }
        // Only the export folder is marked: its per-tool folders keep their tools together.
        #expect(POSIXFile.isTopOfHierarchy(site.appendingPathComponent("tools").path) != true)
        #expect(Self.leftovers(in: site).isEmpty)
        let known = try #require(try SiteExporter.manifest(in: site)).files.map(\.path)
        let present = try TestSupport.files(in: site).keys.filter { $0 != SitePaths.manifest }
        #expect(Set(present) == Set(known))
    }

    @Test("a catalogue without tools leaves no empty per-tool folder behind")
    func noToolsNoFolder() throws {
        let base = Fixtures.catalog
        let empty = PublishedCatalog(topics: base.topics, tools: [], changes: [], seq: base.seq)
        let site = try SiteAssertions.export(empty)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("tools").path))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(SitePaths.toolsIndex).path))
        #expect(Self.leftovers(in: site).isEmpty)
        let entries = try FileManager.default.contentsOfDirectory(atPath: site.path).sorted()
        #expect(!entries.contains { $0.hasPrefix(".") })
        let exporter = try SiteExporter()
        #expect(try exporter.check(dir: site, against: empty, config: Fixtures.config).isClean)
    }

    @Test("an export over the previous one, then a first export after deleting it, give the same site")
    func sameSiteAfterDeletion() throws {
        let site = try SiteAssertions.export()
        try FileManager.default.removeItem(at: site)
        let spare = site.deletingLastPathComponent().appendingPathComponent(".site.spare")
        #expect(!FileManager.default.fileExists(atPath: spare.path))
        _ = try SiteExporter().export(catalog: Fixtures.catalog, config: Fixtures.config, to: site)
        let fresh = try SiteAssertions.export(label: "fresh")
        #expect(try SiteAssertions.differences(site, fresh).isEmpty)
        #expect(Self.leftovers(in: site).isEmpty)
    }

    @Test("a file already at a page's path in a fresh work folder is replaced, not kept or written through")
    func strayFileInFreshFolder() throws {
        let site = try TestSupport.scratch(#function).appendingPathComponent("site")
        let work = site.deletingLastPathComponent().appendingPathComponent(".site.tmp-\(getpid())")
        let page = "tools/deepseek/index.html"
        let elsewhere = site.deletingLastPathComponent().appendingPathComponent("elsewhere.html")
        try Data("keep me".utf8).write(to: elsewhere)
        var exporter = try SiteExporter()
        exporter.hooks.beforeWrite = { path in
            guard path == page else { return }
            let stray = work.appendingPathComponent(page)
            try FileManager.default.createDirectory(
                at: stray.deletingLastPathComponent(), withIntermediateDirectories: true)
            #expect(link(elsewhere.path, stray.path) == 0)
        }
        _ = try exporter.export(catalog: Fixtures.catalog, config: Fixtures.config, to: site)
        #expect(try Data(contentsOf: elsewhere) == Data("keep me".utf8))
        let fresh = try SiteAssertions.export(label: "fresh")
        #expect(try SiteAssertions.differences(site, fresh).isEmpty)
        #expect(try InPlaceRewriteTests.inode(site.appendingPathComponent(page)).links == 1)
    }
}
