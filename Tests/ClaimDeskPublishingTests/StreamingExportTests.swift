import ClaimDeskDomain
import Foundation
import Testing

@testable import ClaimDeskPublishing

@Suite("Streaming export")
struct StreamingExportTests {
    /// Feeds `catalog` to a streaming export, tool by tool, in the given order.
    static func stream(_ catalog: PublishedCatalog, order: [PublishedTool], batchSize: Int, to site: URL) throws
        -> ExportReport
    {
        try SiteExporter().exportStreaming(config: Fixtures.config, to: site, batchSize: batchSize) { sink in
            try sink.begin(topics: catalog.topics, tools: catalog.tools.filter { !$0.claims.isEmpty }.map(\.tool))
            for tool in order { try sink.add(tool) }
            return (catalog.changes, catalog.seq)
        }
    }

    @Test("a streamed export gives the same bytes as an export of the whole catalogue, whatever the batch and order")
    func sameBytes() throws {
        let whole = try SiteAssertions.export(label: "whole")
        for (batchSize, order) in [(1, Fixtures.catalog.tools), (256, Array(Fixtures.catalog.tools.reversed()))] {
            let site = try TestSupport.scratch("streamed-\(batchSize)").appendingPathComponent("site")
            let report = try Self.stream(Fixtures.catalog, order: order, batchSize: batchSize, to: site)
            #expect(report.tools == Fixtures.catalog.tools.filter { !$0.claims.isEmpty }.count)
            #expect(try SiteAssertions.differences(whole, site).isEmpty)
        }
    }

    @Test("a tool announced as live that never arrives fails the export and leaves the previous one whole")
    func missingTool() throws {
        let site = try SiteAssertions.export(label: "previous")
        let before = try TestSupport.files(in: site)
        var partial = Fixtures.catalog
        partial.seq += 1
        #expect(throws: ExportError.self) {
            try SiteExporter().exportStreaming(config: Fixtures.config, to: site) { sink in
                try sink.begin(topics: partial.topics, tools: partial.tools.map(\.tool))
                try sink.add(partial.tools[0])
                return (partial.changes, partial.seq)
            }
        }
        #expect(try TestSupport.files(in: site) == before)
    }

    @Test("the same tool twice is refused")
    func duplicate() throws {
        let site = try TestSupport.scratch().appendingPathComponent("site")
        let tool = Fixtures.catalog.tools[0]
        #expect(throws: ExportError.self) {
            try Self.stream(Fixtures.catalog, order: [tool, tool], batchSize: 4, to: site)
        }
    }
}
