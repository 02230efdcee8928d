import ClaimDeskAuthoring
import ClaimDeskDomain
import ClaimDeskStore
import ClaimDeskTestSupport
import Foundation
import Testing

@Suite("Importing the DeepSeek sample")
struct SampleImportTests {
    static let refs = [
        "deepseek:training", "deepseek:opt_out", "deepseek:zero_retention", "deepseek:retention",
        "deepseek:data_residency", "deepseek:editorial_note", "deepseek/consumer:training", "deepseek:baa",
        "deepseek:phi",
    ]

    @Test("the sample parses into the whole reference page: tool, tier and nine cited claims")
    func sampleParses() throws {
        let f = try AuthoringFixture()
        let document = try AuthoringParser(context: try f.context(try f.store(f.editor)))
            .parse(try AuthoringFixture.sample(), file: "deepseek.yaml")
        #expect(document.tools.map(\.slug.rawValue) == ["deepseek"])
        #expect(document.tools.first?.tiers.map(\.name) == ["DeepSeek consumer app / web"])
        #expect(document.claims.map(\.ref.description) == Self.refs)
        #expect(document.claims.allSatisfy { !$0.citations.isEmpty && $0.confidence == .medium })
        #expect(document.claims.allSatisfy { $0.verified.description == "2026-06-01" })
        let urls = Set(document.claims.flatMap { $0.citations.map(\.url) })
        #expect(
            urls == [
                "https://cdn.deepseek.com/policies/en-US/deepseek-privacy-policy.html",
                "https://cdn.deepseek.com/policies/en-US/deepseek-terms-of-use.html",
                "https://www.hathr.ai/blogs/deepseek-ai-is-dangerous-for-healthcare",
            ])
        #expect(document.claims.first { $0.ref.topic.rawValue == "editorial_note" }?.verdict == nil)
    }

    @Test("an admin's import creates the tool, the tier and a draft per claim, attributed to the importer")
    func importCreatesDrafts() throws {
        let f = try AuthoringFixture()
        let report = try f.importFile(try AuthoringFixture.sample(), as: f.adminEditor)
        #expect(report.tools == [.init(name: "deepseek", outcome: .created)])
        #expect(report.tiers == [.init(name: "deepseek/consumer", outcome: .created)])
        #expect(report.claims.map(\.ref.description) == Self.refs)
        #expect(report.claims.allSatisfy { $0.outcome == .created && $0.state == .draft && $0.number == 1 })
        let status = try f.store(f.editor).claim(AuthoringFixture.training)
        #expect(status.live == nil)
        #expect(status.open?.author == f.adminEditor)
        #expect(status.open?.citations.count == 2)
        #expect(try f.store(f.reviewer).reviewQueue().count == 9)
    }

    @Test("importing the same file twice creates no new revisions and writes nothing")
    func importTwiceIsANoOp() throws {
        let f = try AuthoringFixture()
        try f.importFile(try AuthoringFixture.sample(), as: f.adminEditor)
        let before = try f.db.snapshot()
        let report = try f.importFile(try AuthoringFixture.sample(), as: f.editor)
        #expect(report.claims.allSatisfy { $0.outcome == .unchanged })
        #expect(report.tools == [.init(name: "deepseek", outcome: .unchanged)])
        #expect(try f.db.snapshot() == before)
        // Published, then imported again: still nothing new.
        try f.approveAndPublishAll()
        let published = try f.db.snapshot()
        let again = try f.importFile(try AuthoringFixture.sample(), as: f.editor)
        #expect(again.claims.allSatisfy { $0.outcome == .unchanged && $0.state == .published })
        #expect(try f.db.snapshot() == published)
    }

    @Test("a plain editor cannot create tools: the import names what an admin must add and writes nothing")
    func editorCannotCreateTools() throws {
        let f = try AuthoringFixture()
        let before = try f.db.snapshot()
        let error = try #require(throws: StoreError.self) {
            try f.importFile(try AuthoringFixture.sample(), as: f.editor)
        }
        #expect(error.kind == .forbidden)
        #expect(error.description.contains("deepseek, deepseek/consumer"))
        #expect(error.description.contains("only an admin may add tools and tiers; nothing was imported"))
        #expect(error.description.contains("Ask an admin"))
        #expect(try f.db.snapshot() == before)
    }

    @Test("tools that differ from the database are reported, not changed")
    func toolDifferencesAreWarnings() throws {
        let f = try AuthoringFixture()
        try f.importFile(try AuthoringFixture.sample(), as: f.adminEditor)
        let before = try f.db.snapshot()
        let changed = String(decoding: try AuthoringFixture.sample(), as: UTF8.self)
            .replacingOccurrences(of: "name: DeepSeek consumer app / web", with: "name: DeepSeek app")
            .replacingOccurrences(of: "category: AI chat assistant", with: "category: Chatbot")
        let report = try f.importFile(Data(text: changed), as: f.editor)
        #expect(report.warnings.count == 2)
        #expect(report.warnings.contains { $0.contains("Tool deepseek: the file's category \"Chatbot\"") })
        #expect(report.warnings.contains { $0.contains("Tier deepseek/consumer: the file's name \"DeepSeek app\"") })
        #expect(try f.db.snapshot() == before)
    }

    @Test("an import never changes a live revision: the change becomes a new draft awaiting review")
    func importNeverTouchesLive() throws {
        let f = try AuthoringFixture()
        try f.importFile(try AuthoringFixture.sample(), as: f.adminEditor)
        try f.approveAndPublishAll()
        let live = try #require(try f.store(f.editor).claim(AuthoringFixture.training).live)
        let changed = String(decoding: try AuthoringFixture.sample(), as: UTF8.self)
            .replacingOccurrences(
                of: "headline: Yes. Unless you switch it off, DeepSeek may use what you type to train its models.",
                with: "headline: Yes, by default.")
        let report = try f.importFile(Data(text: changed), as: f.editor)
        let result = try #require(report.claims.first { $0.ref == AuthoringFixture.training })
        #expect(result.outcome == .updated && result.state == .draft && result.number == 2)
        #expect(report.claims.filter { $0.outcome != .unchanged }.count == 1)
        let status = try f.store(f.editor).claim(AuthoringFixture.training)
        #expect(status.live == live)
        #expect(status.open?.headline == "Yes, by default.")
        #expect(status.open?.citations == live.citations)
        #expect(try f.store(f.reviewer).reviewQueue().map(\.ref) == [AuthoringFixture.training])
    }

    @Test("citations are made equal to the file's: removed, updated, added and reordered")
    func citationsFollowTheFile() throws {
        let f = try AuthoringFixture()
        let store = try f.store(f.adminEditor)
        let day = try #require(Day("2026-06-01"))
        func file(_ citations: [(String, String)]) -> Data {
            var text = """
                tools:
                - slug: deepseek
                  name: DeepSeek
                  category: AI chat assistant
                  url: https://www.deepseek.com
                claims:
                - ref: deepseek:training
                  verdict: trains_by_default
                  headline: Yes.
                  confidence: medium
                  verified: 2026-06-01
                  citations:

                """
            for (url, supports) in citations {
                text += "  - url: \(url)\n    supports: \(supports)\n    dated: 2026-06-01\n"
            }
            return Data(text: text)
        }
        try f.importFile(
            file([("https://a.example/1", "One."), ("https://a.example/2", "Two."), ("https://a.example/3", "Three.")]),
            as: f.adminEditor)
        let report = try f.importFile(
            file([
                ("https://a.example/3", "Three."), ("https://a.example/1", "One, reworded."),
                ("https://a.example/4", "Four."),
            ]),
            as: f.adminEditor)
        #expect(report.claims.first?.outcome == .updated)
        let open = try #require(try store.claim(AuthoringFixture.training).open)
        #expect(
            open.citations == [
                Citation(url: "https://a.example/3", supports: "Three.", dated: day),
                Citation(url: "https://a.example/1", supports: "One, reworded.", dated: day),
                Citation(url: "https://a.example/4", supports: "Four.", dated: day),
            ])
        #expect(open.number == 1)
    }

    @Test("all or nothing: a claim the database refuses rolls back the claims imported before it")
    func allOrNothing() throws {
        let f = try AuthoringFixture()
        try f.importFile(try AuthoringFixture.sample(), as: f.adminEditor)
        let before = try f.db.snapshot()
        let store = try f.store(f.editor)
        var document = try AuthoringParser(context: try f.context(store))
            .parse(try AuthoringFixture.sample(), file: "deepseek.yaml")
        // The retention claim changes first; the residency claim after it carries a date only the database
        // checks here (the document was changed after parsing, as a stale or lenient client might send it).
        document.claims[3].headline = "Kept forever."
        document.claims[4].verified = Day.today().adding(days: 30)
        let error = try #require(throws: StoreError.self) { try store.importDocument(document) }
        #expect(error.description.contains("in the future"))
        #expect(try f.db.snapshot() == before)
    }
}
