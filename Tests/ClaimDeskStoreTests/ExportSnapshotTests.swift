import ClaimDeskDomain
import ClaimDeskStore
import ClaimDeskTestSupport
import Foundation
import Testing

@Suite("Reading the published snapshot")
struct ExportSnapshotTests {
    /// Publishes training claims for `count` extra tools.
    static func addTools(_ f: Fixture, count: Int, from first: Int = 0) throws {
        for n in first..<(first + count) {
            let slug = ToolSlug("tool-\(n)")
            try f.store(f.admin).addTool(
                Tool(slug: slug, name: "Tool \(n)", category: "Fictional", officialURL: "https://tool-\(n).example.org")
            )
            try f.published(ClaimRef(tool: slug, topic: TopicKey("training")))
        }
    }

    @Test("the export issues the same number of statements for 1 tool as for 6")
    func constantStatements() throws {
        let f = try Fixture()
        try Self.addTools(f, count: 1)
        func statements() throws -> (Int, Int) {
            let store = try f.store(f.exporter)
            var tools = 0
            let before = store.connection.statementCount
            _ = try store.exportSnapshot(begin: { _, _ in }) { _ in tools += 1 }
            return (store.connection.statementCount - before, tools)
        }
        let (small, smallTools) = try statements()
        try Self.addTools(f, count: 5, from: 1)
        let (large, largeTools) = try statements()
        #expect(smallTools == 1 && largeTools == 6)
        #expect(small == large)
        // The change log (sql/0008) comes with the rows; one statement turns off whole-result sorts so rows stream.
        #expect(large <= 9)
    }

    @Test("changed-after reads only tools published or retracted since, including a tool left with nothing live")
    func changedAfter() throws {
        let f = try Fixture()
        try Self.addTools(f, count: 3)
        let seq = try f.store(f.exporter).publishedCatalog().seq
        _ = try f.store(f.reviewer).retract(
            ClaimRef(tool: ToolSlug("tool-1"), topic: TopicKey("training")), note: "Withdrawn.")
        let changed = try f.store(f.exporter).publishedCatalog(changedAfter: seq)
        #expect(changed.tools.map(\.tool.slug.rawValue) == ["tool-1"])
        #expect(changed.tools.first?.claims.isEmpty == true)
        #expect(changed.seq == seq + 1)
        #expect(changed.changes.first?.kind == .retracted)
        #expect(changed.changes.first?.summary == "Withdrawn.")
        #expect(try f.store(f.exporter).publishedCatalog(changedAfter: changed.seq).tools.isEmpty)
    }

    @Test("begin receives the vocabulary and exactly the tools with a live claim")
    func begin() throws {
        let f = try Fixture()
        try Self.addTools(f, count: 2)
        try f.drafted()  // deepseek has only a draft: not live
        var live: [String] = []
        var topics = 0
        _ = try f.store(f.exporter).exportSnapshot(begin: { t, tools in
            topics = t.count
            live = tools.map(\.slug.rawValue)
        }) { _ in }
        #expect(live == ["tool-0", "tool-1"])
        #expect(topics == 9)
    }
}
