import ClaimDeskDomain
import Foundation
import Testing

@testable import ClaimDeskPublishing

/// `export --check` verifies a site against its manifest and against the published data.
@Suite("Check")
struct CheckTests {
    let exporter: SiteExporter

    init() throws { exporter = try SiteExporter() }

    @Test("a fresh export checks clean against its manifest and its catalogue")
    func clean() throws {
        let site = try SiteAssertions.export()
        let report = try exporter.check(dir: site, against: Fixtures.catalog, config: Fixtures.config)
        #expect(report.isClean)
        #expect(report.problems.isEmpty)
        #expect(report.seq == 13)
        // 2 tools × (JSON, page, changes feed), index, tools.json, feed, sitemap, stylesheet.
        #expect(report.filesChecked == 11)
        #expect(report.drift == [])
    }

    @Test("a modified, a missing and an extra file are each reported")
    func tampering() throws {
        let site = try SiteAssertions.export()
        let page = site.appendingPathComponent("tools/deepseek/index.html")
        try (try Data(contentsOf: page) + Data("<!-- edited -->".utf8)).write(to: page)
        try FileManager.default.removeItem(at: site.appendingPathComponent("sitemap.xml"))
        try Data("x".utf8).write(to: site.appendingPathComponent("tools/stray.html"))
        let report = try exporter.check(dir: site, against: nil, config: Fixtures.config)
        #expect(!report.isClean)
        #expect(report.modified == ["tools/deepseek/index.html"])
        #expect(report.missing == ["sitemap.xml"])
        #expect(report.extra == ["tools/stray.html"])
        #expect(report.drift == nil)
        #expect(report.problems.count == 3)
    }

    @Test("a site that no longer matches the published data is reported as drift, file by file")
    func drift() throws {
        let site = try SiteAssertions.export()
        var newer = Fixtures.catalog
        newer.tools[0].claims[0].headline = "Changed in the database."
        newer.tools[0].lastSeq = 14
        newer.seq = 14
        let report = try exporter.check(dir: site, against: newer, config: Fixtures.config)
        #expect(!report.isClean)
        #expect(report.missing.isEmpty && report.modified.isEmpty && report.extra.isEmpty)
        #expect(report.catalogSeq == 14)
        let drift = try #require(report.drift)
        #expect(drift.contains("manifest.json"))
        #expect(drift.contains("tools/northwind-assistant/index.html"))
        #expect(drift.contains("api/v1/tools.json"))
        #expect(!drift.contains("tools/deepseek/index.html"))
    }

    @Test("checking a folder without a manifest is an error that says to export first")
    func noManifest() throws {
        let folder = try TestSupport.scratch()
        #expect(throws: ExportError.noPreviousExport(path: folder.standardizedFileURL.path)) {
            try exporter.check(dir: folder, against: nil, config: Fixtures.config)
        }
    }

    @Test("the manifest lists every other file with its SHA-256 and size, sorted, and the publish sequence")
    func manifest() throws {
        let site = try SiteAssertions.export()
        let manifest = try #require(try SiteExporter.manifest(in: site))
        let files = try TestSupport.files(in: site)
        #expect(Set(manifest.files.map(\.path)) == Set(files.keys).subtracting(["manifest.json"]))
        #expect(manifest.files.map(\.path) == manifest.files.map(\.path).sorted())
        for entry in manifest.files {
            let data = try #require(files[entry.path])
            #expect(entry.size == Int64(data.count))
            #expect(entry == FileDigest.entry(for: data, path: entry.path))
        }
        #expect(manifest.seq == 13)
        #expect(manifest.asOf == Fixtures.config.asOf)
    }
}
