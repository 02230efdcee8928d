import ClaimDeskDomain
import Foundation
import Testing

@testable import ClaimDeskPublishing

@Suite("Determinism")
struct DeterminismTests {
    @Test("exporting the same data twice gives byte-identical files")
    func twice() throws {
        let first = try SiteAssertions.export(label: "first")
        let second = try SiteAssertions.export(label: "second")
        #expect(try SiteAssertions.differences(first, second).isEmpty)
    }

    @Test("the order the database returns tools, tiers, claims, topics and changes in does not change a byte")
    func inputOrder() throws {
        var shuffled = Fixtures.catalog
        shuffled.tools.reverse()
        for index in shuffled.tools.indices {
            shuffled.tools[index].claims.reverse()
            shuffled.tools[index].tiers.reverse()
        }
        shuffled.topics.reverse()
        shuffled.changes.reverse()
        let first = try SiteAssertions.export(label: "ordered")
        let second = try SiteAssertions.export(shuffled, label: "shuffled")
        #expect(try SiteAssertions.differences(first, second).isEmpty)
    }

    @Test("exporting over an existing export gives the same bytes as exporting into a new folder")
    func overExisting() throws {
        let site = try SiteAssertions.export(label: "existing")
        var other = Fixtures.catalog
        other.tools.removeAll { $0.tool.slug.rawValue == "deepseek" }
        other.seq = 20
        let exporter = try SiteExporter()
        _ = try exporter.export(catalog: other, config: Fixtures.config, to: site)
        _ = try exporter.export(catalog: Fixtures.catalog, config: Fixtures.config, to: site)
        _ = try exporter.export(catalog: Fixtures.catalog, config: Fixtures.config, to: site)
        let fresh = try SiteAssertions.export(label: "fresh")
        #expect(try SiteAssertions.differences(site, fresh).isEmpty)
    }

    @Test("no wall-clock time leaks into the output: only asOf and the data's own dates appear")
    func noClock() throws {
        let site = try SiteAssertions.export()
        let today = Day.today().description
        for (path, data) in try TestSupport.files(in: site) where today != "2026-06-15" {
            #expect(!String(decoding: data, as: UTF8.self).contains(today), "\(path) mentions today's date")
        }
    }
}
