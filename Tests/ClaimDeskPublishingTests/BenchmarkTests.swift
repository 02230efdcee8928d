import ClaimDeskDomain
import Foundation
import Testing

@testable import ClaimDeskPublishing

/// Timings for large exports of a synthetic catalogue (fictional tools, each with a claim on ten topics for the tool
/// and for each of three plan tiers, two citations per claim). Runs only when asked, because it takes a while:
///
///     CLAIMDESK_BENCH_TOOLS=10000 swift test -c release -Xswiftc -enable-testing --filter Benchmark
///
/// scripts/bench measures the end-to-end figures against the database; this isolates the exporter.
@Suite("Benchmark", .enabled(if: ProcessInfo.processInfo.environment["CLAIMDESK_BENCH_TOOLS"] != nil))
struct BenchmarkTests {
    @Test("prints full and incremental export times for a large synthetic catalogue")
    func largeExport() throws {
        let count = Int(ProcessInfo.processInfo.environment["CLAIMDESK_BENCH_TOOLS"] ?? "") ?? 10_000
        let clock = ContinuousClock()
        var catalog = SyntheticCatalog.make(tools: count)
        print("catalogue of \(count) tools built; resident \(Self.memory("VmRSS")), peak \(Self.memory("VmHWM"))")
        let site = try TestSupport.scratch().appendingPathComponent("site")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let exporter = try SiteExporter()
        var report: ExportReport?
        let full = try clock.measure {
            report = try exporter.export(catalog: catalog, config: Fixtures.config, to: site)
        }
        print("full export: \(full); \(report.map { "\($0.totalFiles) files, \($0.totalBytes) bytes" } ?? "")")
        let again = try clock.measure {
            report = try exporter.export(catalog: catalog, config: Fixtures.config, to: site)
        }
        print("full export over the previous one: \(again)")

        var changedTool = catalog.tools[count / 2]
        changedTool.claims[0].headline = "Changed headline."
        changedTool.lastSeq = 2
        catalog.seq = 2
        let changed = PublishedCatalog(topics: catalog.topics, tools: [changedTool], changes: [], seq: 2)
        let incremental = try clock.measure {
            report = try exporter.exportIncremental(changed: changed, config: Fixtures.config, to: site)
        }
        print(
            "incremental, one headline changed: \(incremental); "
                + "\(report.map { "\($0.filesWritten) written, \($0.filesReused) reused" } ?? "")")

        changedTool.claims[0].verdict = nil
        changedTool.lastSeq = 3
        let badge = PublishedCatalog(topics: catalog.topics, tools: [changedTool], changes: [], seq: 3)
        let incrementalBadge = try clock.measure {
            report = try exporter.exportIncremental(changed: badge, config: Fixtures.config, to: site)
        }
        print("incremental, one badge changed (index re-rendered): \(incrementalBadge)")
        let check = try clock.measure { _ = try exporter.check(dir: site, against: nil, config: Fixtures.config) }
        print("check against the manifest: \(check); peak resident \(Self.memory("VmHWM"))")
    }

    /// A line of /proc/self/status, e.g. "VmHWM" (peak resident set size).
    static func memory(_ field: String) -> String {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("\(field):") }
        return line.map { $0.dropFirst(field.count + 1).trimmingCharacters(in: .whitespaces) } ?? "?"
    }
}
