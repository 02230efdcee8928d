import ClaimDeskDomain
import Foundation
import Testing

@testable import ClaimDeskPublishing

/// `--incremental` renders only what changed since the manifest's sequence and must give exactly the bytes of a full
/// export of the same data.
@Suite("Incremental export")
struct IncrementalExportTests {
    /// Exports `before` in full, then `after` incrementally (passing only tools changed since), and compares with a
    /// full export of `after`. Returns the incremental report.
    @discardableResult
    func expectSameAsFull(
        before: PublishedCatalog, after: PublishedCatalog, config: SiteConfig = Fixtures.config,
        exportsBefore: Int = 1, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> ExportReport {
        let exporter = try SiteExporter()
        let site = try TestSupport.scratch("incremental").appendingPathComponent("site")
        for _ in 0..<exportsBefore { _ = try exporter.export(catalog: before, config: config, to: site) }
        let exported = try #require(try SiteExporter.manifest(in: site)).seq
        let changed = PublishedCatalog(
            topics: after.topics, tools: after.tools.filter { $0.lastSeq > exported }, changes: after.changes,
            seq: after.seq)
        let report = try exporter.exportIncremental(changed: changed, config: config, to: site)
        let full = try TestSupport.scratch("full").appendingPathComponent("site")
        _ = try exporter.export(catalog: after, config: config, to: full)
        #expect(try SiteAssertions.differences(site, full) == [], sourceLocation: sourceLocation)
        #expect(try exporter.check(dir: site, against: after, config: config).isClean, sourceLocation: sourceLocation)
        return report
    }

    /// The fixture catalogue with every tool's last sequence at most `seq`.
    var base: PublishedCatalog { Fixtures.catalog }

    func publish(_ catalog: PublishedCatalog, seq: Int64, change: (inout PublishedTool) -> Void, slug: String)
        -> PublishedCatalog
    {
        var catalog = catalog
        if let index = catalog.tools.firstIndex(where: { $0.tool.slug.rawValue == slug }) {
            change(&catalog.tools[index])
            catalog.tools[index].lastSeq = seq
            let ref = catalog.tools[index].claims.first?.ref ?? Fixtures.ref("\(slug):training")
            catalog.changes.append(
                ChangeEvent(
                    seq: seq, kind: .published, ref: ref, toolName: catalog.tools[index].tool.name,
                    at: Fixtures.time("2026-06-10T08:00:00Z"), summary: "changed"))
        }
        catalog.seq = seq
        return catalog
    }

    @Test("after a change to one tool's claim and verdict, incremental equals full, and only that tool is rendered")
    func changedTool() throws {
        let after = publish(
            base, seq: 14,
            change: { tool in
                tool.claims[0].headline = "Now a different answer."
                tool.claims[0].verdict = VerdictKey("unclear")
            }, slug: "deepseek")
        let report = try expectSameAsFull(before: base, after: after, exportsBefore: 2)
        #expect(report.mode == .incremental)
        #expect(report.toolsRendered == 1)
        #expect(report.tools == 2)
        #expect(report.filesReused >= 2)
    }

    @Test("after a tool's last claim is retracted its page is removed, and incremental equals full")
    func removedTool() throws {
        var after = publish(base, seq: 14, change: { $0.claims = [] }, slug: "northwind-assistant")
        after.changes[after.changes.count - 1].kind = .retracted
        let report = try expectSameAsFull(before: base, after: after)
        #expect(report.toolsRemoved == 1)
        #expect(report.tools == 1)
    }

    @Test("after a tool is added, incremental equals full (the other pages gain a link to it)")
    func addedTool() throws {
        var after = base
        after.tools.append(Fixtures.extraTool("mistral-fictional", name: "Fictional Mistral", seq: 14))
        after.seq = 14
        try expectSameAsFull(before: base, after: after, exportsBefore: 2)
    }

    @Test("with more tools than the link limit, adding and removing tools re-renders the pages whose links change")
    func linkWindows() throws {
        var config = Fixtures.config
        config.otherToolLinks = 2
        var before = base
        for index in 0..<6 {
            before.tools.append(Fixtures.extraTool("tool-\(index * 2)", name: "Tool \(index * 2)", seq: 13))
        }
        var after = before
        after.tools.append(Fixtures.extraTool("tool-5", name: "Tool 5", seq: 14))
        after.tools.removeAll { $0.tool.slug.rawValue == "tool-8" }
        after.tools.append(Fixtures.extraTool("tool-8", name: "Tool 8", seq: 14, claims: false))
        after.seq = 14
        try expectSameAsFull(before: before, after: after, config: config, exportsBefore: 2)
    }

    @Test("when the day moves on, pages whose claims became stale are re-rendered and incremental equals full")
    func stalenessMovesOn() throws {
        var later = Fixtures.config
        later.asOf = Fixtures.day("2026-12-15")
        let exporter = try SiteExporter()
        let site = try TestSupport.scratch().appendingPathComponent("site")
        _ = try exporter.export(catalog: base, config: Fixtures.config, to: site)
        let changed = PublishedCatalog(topics: base.topics, tools: [], changes: base.changes, seq: base.seq)
        let report = try exporter.exportIncremental(changed: changed, config: later, to: site)
        #expect(report.toolsRendered == 2)
        let full = try SiteAssertions.export(base, config: later, label: "full")
        #expect(try SiteAssertions.differences(site, full) == [])
        #expect(try TestSupport.text(site, "tools/deepseek/index.html").contains("Needs re-verification"))
    }

    @Test("nothing changed: nothing is rendered and the site is identical")
    func nothingChanged() throws {
        let report = try expectSameAsFull(before: base, after: base, exportsBefore: 2)
        #expect(report.toolsRendered == 0)
    }

    @Test("an incremental export needs a previous export made with the same templates, vocabulary and settings")
    func refusesIncompatible() throws {
        let exporter = try SiteExporter()
        let site = try TestSupport.scratch().appendingPathComponent("site")
        let changed = PublishedCatalog(topics: base.topics, tools: [], changes: [], seq: base.seq)
        #expect(throws: ExportError.noPreviousExport(path: site.standardizedFileURL.path)) {
            try exporter.exportIncremental(changed: changed, config: Fixtures.config, to: site)
        }
        _ = try exporter.export(catalog: base, config: Fixtures.config, to: site)
        var otherConfig = Fixtures.config
        otherConfig.siteTitle = "Another title"
        #expect(throws: ExportError.self) {
            try exporter.exportIncremental(changed: changed, config: otherConfig, to: site)
        }
        var otherTopics = changed
        otherTopics.topics[0].heading = "Does {tool} learn from you?"
        #expect(throws: ExportError.self) {
            try exporter.exportIncremental(changed: otherTopics, config: Fixtures.config, to: site)
        }
        var behind = changed
        behind.seq = 2
        #expect(throws: ExportError.sequenceWentBackwards(path: site.standardizedFileURL.path, exported: 13, given: 2))
        {
            try exporter.exportIncremental(changed: behind, config: Fixtures.config, to: site)
        }
    }

    @Test("a previous export read before another export swapped the folder is read again under the lock")
    func prefetchedThenSwapped() throws {
        let exporter = try SiteExporter()
        let site = try TestSupport.scratch("prefetch").appendingPathComponent("site")
        _ = try exporter.export(catalog: base, config: Fixtures.config, to: site)
        let first = publish(base, seq: 14, change: { $0.claims[0].headline = "First change." }, slug: "deepseek")
        // Read in the background now, as the CLI does before it connects...
        let stale = PreviousExport(at: site)
        #expect(try stale.position()?.seq == base.seq)
        // ...while another export replaces the folder (and, with it, the manifest and tool index).
        _ = try exporter.export(catalog: first, config: Fixtures.config, to: site)
        let second = publish(
            first, seq: 15, change: { $0.claims[0].headline = "Second change." }, slug: "northwind-assistant")
        let changed = PublishedCatalog(
            topics: second.topics, tools: second.tools.filter { $0.lastSeq > first.seq }, changes: second.changes,
            seq: second.seq)
        _ = try exporter.exportIncremental(changed: changed, config: Fixtures.config, to: site, previous: stale)
        let full = try TestSupport.scratch("prefetch-full").appendingPathComponent("site")
        _ = try exporter.export(catalog: second, config: Fixtures.config, to: full)
        #expect(try SiteAssertions.differences(site, full) == [])
        #expect(try exporter.check(dir: site, against: second, config: Fixtures.config).isClean)
    }

    @Test("a previous export swapped for an older one after its position was asked is refused, and nothing changes")
    func swappedForOlder() throws {
        let exporter = try SiteExporter()
        let site = try TestSupport.scratch("older").appendingPathComponent("site")
        let first = publish(base, seq: 14, change: { $0.claims[0].headline = "First change." }, slug: "deepseek")
        _ = try exporter.export(catalog: first, config: Fixtures.config, to: site)
        let previous = PreviousExport(at: site)
        #expect(try previous.position()?.seq == first.seq)
        // Another process puts back an export older than the position the changes were asked after...
        _ = try exporter.export(catalog: base, config: Fixtures.config, to: site)
        let before = try TestSupport.files(in: site)
        // ...so the changes between the two would be missed: the export refuses instead.
        let second = publish(
            first, seq: 15, change: { $0.claims[0].headline = "Second change." }, slug: "northwind-assistant")
        let changed = PublishedCatalog(
            topics: second.topics, tools: second.tools.filter { $0.lastSeq > first.seq }, changes: second.changes,
            seq: second.seq)
        let error = #expect(throws: ExportError.self) {
            _ = try exporter.exportIncremental(changed: changed, config: Fixtures.config, to: site, previous: previous)
        }
        guard case .exportReplaced = error else {
            Issue.record("expected exportReplaced, got \(String(describing: error))")
            return
        }
        #expect(error?.description.hasSuffix("Run the same command again.") == true)
        #expect(try TestSupport.files(in: site) == before)
    }

    @Test("a previous tools.json in another layout is encoded again, not copied; incremental equals full")
    func foreignIndexLayout() throws {
        let exporter = try SiteExporter()
        let site = try TestSupport.scratch("layout").appendingPathComponent("site")
        _ = try exporter.export(catalog: base, config: Fixtures.config, to: site)
        // The same index, compact: valid, equal in content, but not laid out as this exporter writes it.
        let path = site.appendingPathComponent(SitePaths.toolsIndex)
        let index = try JSONDecoder().decode(ToolIndex.self, from: Data(contentsOf: path))
        let compact = JSONWriter.document(index, pretty: false)
        try FileManager.default.removeItem(at: path)
        try Data(compact).write(to: path)
        let previous = try PreviousToolIndex.read(Data(compact), path: path.path)
        #expect(previous.layout == nil)

        let after = publish(base, seq: 14, change: { $0.claims[0].headline = "Changed." }, slug: "deepseek")
        let changed = PublishedCatalog(
            topics: after.topics, tools: after.tools.filter { $0.lastSeq > base.seq }, changes: after.changes,
            seq: after.seq)
        _ = try exporter.exportIncremental(changed: changed, config: Fixtures.config, to: site)
        let full = try TestSupport.scratch("layout-full").appendingPathComponent("site")
        _ = try exporter.export(catalog: after, config: Fixtures.config, to: full)
        #expect(try SiteAssertions.differences(site, full) == [])
    }
}
