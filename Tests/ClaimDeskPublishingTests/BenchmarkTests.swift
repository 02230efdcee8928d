import ClaimDeskDomain
import Foundation
import Testing

@testable import ClaimDeskPublishing

/// Timings for large exports; runs only with CLAIMDESK_BENCH_TOOLS=N (e.g. 10000) because it takes a while.
@Suite("Benchmark", .enabled(if: ProcessInfo.processInfo.environment["CLAIMDESK_BENCH_TOOLS"] != nil))
struct BenchmarkTests {
    @Test("prints full and incremental export times for a large synthetic catalogue")
    func largeExport() throws {
        let count = Int(ProcessInfo.processInfo.environment["CLAIMDESK_BENCH_TOOLS"] ?? "") ?? 10_000
        let clock = ContinuousClock()
        var catalog = SyntheticCatalog.make(tools: count)
        let folder = try TestSupport.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site")
        let exporter = try SiteExporter()
        var report: ExportReport?
        let full = try clock.measure {
            report = try exporter.export(catalog: catalog, config: Fixtures.config, to: site)
        }
        print(
            "full export of \(count) tools: \(full), \(report.map { "\($0.totalFiles) files, \($0.totalBytes) bytes" } ?? "")"
        )
        let again = try clock.measure {
            report = try exporter.export(catalog: catalog, config: Fixtures.config, to: site)
        }
        print("full export over a previous one: \(again)")

        var changedTool = catalog.tools[count / 2]
        changedTool.claims[0].headline = "Changed headline."
        changedTool.lastSeq = 2
        catalog.seq = 2
        let changed = PublishedCatalog(topics: catalog.topics, tools: [changedTool], changes: [], seq: 2)
        let incremental = try clock.measure {
            report = try exporter.exportIncremental(changed: changed, config: Fixtures.config, to: site)
        }
        print(
            "incremental export after one tool changed: \(incremental), \(report.map { "\($0.filesWritten) written, \($0.filesReused) reused" } ?? "")"
        )
        let check = try clock.measure { _ = try exporter.check(dir: site, against: nil, config: Fixtures.config) }
        print("check against manifest: \(check)")
    }
}
