import ClaimDeskAuthoring
import ClaimDeskDomain
import ClaimDeskStore
import ClaimDeskTestSupport
import Foundation
import Testing

@Suite("Dump and round trip")
struct RoundTripTests {
    /// The catalogue without what a second publication necessarily changes: when and in which sequence.
    static func comparable(_ catalog: PublishedCatalog) -> PublishedCatalog {
        var catalog = catalog
        catalog.seq = 0
        catalog.changes = catalog.changes.map {
            var change = $0
            change.seq = 0
            change.at = Date(timeIntervalSince1970: 0)
            return change
        }
        catalog.tools = catalog.tools.map { tool in
            var tool = tool
            tool.lastSeq = 0
            tool.claims = tool.claims.map {
                var claim = $0
                claim.publishSeq = 0
                claim.publishedAt = Date(timeIntervalSince1970: 0)
                return claim
            }
            return tool
        }
        return catalog
    }

    @Test("import, publish, dump, import into an empty database, publish: the published catalogues are equal")
    func roundTrip() throws {
        let first = try AuthoringFixture()
        try first.importFile(try AuthoringFixture.sample(), as: first.adminEditor)
        try first.approveAndPublishAll()
        let dumped = try first.store(first.editor).dump()
        let yaml = try dumped.yaml()

        let second = try AuthoringFixture()
        try second.importFile(Data(text: yaml), name: "dump.yaml", as: second.adminEditor)
        try second.approveAndPublishAll()

        let one = try first.store(first.reviewer).publishedCatalog()
        let two = try second.store(second.reviewer).publishedCatalog()
        #expect(one.tools.first?.claims.count == 9)
        #expect(Self.comparable(one) == Self.comparable(two))
        // And the second database dumps to the same bytes (verified_by travelled with the dump).
        #expect(try second.store(second.editor).dump().yaml() == yaml)
    }

    @Test("a dump lists tools, tiers and live claims in canonical order; --open shows drafts where they exist")
    func dumpOrderAndOpen() throws {
        let f = try AuthoringFixture()
        let store = try f.store(f.editor)
        #expect(try store.dump() == AuthoringDocument())
        try f.importFile(try AuthoringFixture.sample(), as: f.adminEditor)
        let beforePublish = try store.dump()
        #expect(beforePublish.tools.map(\.slug.rawValue) == ["deepseek"])
        #expect(beforePublish.claims.isEmpty)
        #expect(try store.dump(open: true).claims.count == 9)
        try f.approveAndPublishAll()
        _ = try store.edit(AuthoringFixture.training, ClaimContent(headline: "Changed in a draft."))
        let live = try store.dump(tool: ToolSlug("deepseek"))
        #expect(
            live.claims.map(\.ref.description) == [
                "deepseek:training", "deepseek:opt_out", "deepseek:zero_retention", "deepseek:retention",
                "deepseek:data_residency", "deepseek:editorial_note", "deepseek:baa", "deepseek:phi",
                "deepseek/consumer:training",
            ])
        #expect(live.claims.first?.headline != "Changed in a draft.")
        #expect(try store.dump(open: true).claims.first?.headline == "Changed in a draft.")
        let unknown = try #require(throws: StoreError.self) { try store.dump(tool: ToolSlug("nope")) }
        #expect(unknown.kind == .notFound)
    }

    @Test("the YAML of a dump is stable, block style, with literal blocks for several lines and plain dates")
    func yamlRendering() throws {
        let day = try #require(Day("2026-06-01"))
        let document = AuthoringDocument(
            tools: [
                ToolEntry(
                    slug: ToolSlug("deepseek"), name: "DeepSeek", category: "AI chat assistant",
                    url: "https://www.deepseek.com", tiers: [TierEntry(slug: TierSlug("consumer"), name: "yes")])
            ],
            claims: [
                ClaimEntry(
                    ref: ClaimRef(tool: ToolSlug("deepseek"), topic: TopicKey("editorial_note")), verdict: nil,
                    headline: "No: it's #1", body: "First line.\nSecond line.", confidence: .low, verified: day,
                    verifiedBy: "ann",
                    citations: [
                        CitationEntry(
                            url: "https://a.example/x?y=1#z", supports: "It says: so.", dated: day, title: "2026-06-01",
                            archivedURL: "https://web.archive.org/web/2026/https://a.example/x")
                    ])
            ])
        let yaml = try document.yaml()
        #expect(
            yaml == """
                tools:
                - slug: deepseek
                  name: DeepSeek
                  category: AI chat assistant
                  url: https://www.deepseek.com
                  tiers:
                  - slug: consumer
                    name: 'yes'
                claims:
                - ref: deepseek:editorial_note
                  headline: 'No: it''s #1'
                  body: |-
                    First line.
                    Second line.
                  confidence: low
                  verified: 2026-06-01
                  verified_by: ann
                  citations:
                  - url: https://a.example/x?y=1#z
                    supports: 'It says: so.'
                    dated: 2026-06-01
                    title: '2026-06-01'
                    archived_url: https://web.archive.org/web/2026/https://a.example/x

                """)
        let context = AuthoringContext(
            topics: [
                Topic(
                    key: TopicKey("editorial_note"), heading: "", question: "", faqQuestion: nil, faqAnswer: nil,
                    section: .editorial, position: 1, badgePosition: nil, verdicts: [])
            ])
        #expect(try AuthoringParser(context: context).parse(Data(text: yaml), file: "x.yaml") == document)
    }

    @Test(
        "canonical order: tools by slug, the tool's own claims before its tiers', tiers in page order, topics by position"
    )
    func canonicalOrder() throws {
        let f = try AuthoringFixture()
        let store = try f.store(f.editor)
        let sample = try AuthoringParser(context: try f.context(store))
            .parse(try AuthoringFixture.sample(), file: "deepseek.yaml")
        var shuffled = sample
        shuffled.claims.reverse()
        shuffled.tools.insert(
            ToolEntry(slug: ToolSlug("chatgpt"), name: "ChatGPT", category: "c", url: "https://x.example"), at: 0)
        shuffled.tools.reverse()
        let ordered = shuffled.canonicallyOrdered(topics: try store.topics())
        #expect(ordered.tools.map(\.slug.rawValue) == ["chatgpt", "deepseek"])
        #expect(
            ordered.claims == sample.claims.filter { $0.ref.tier == nil } + sample.claims.filter { $0.ref.tier != nil })
    }

    @Test("JSON files import like YAML: the document's JSON encoding parses back to the same document")
    func jsonEquivalent() throws {
        let f = try AuthoringFixture()
        let parser = AuthoringParser(context: try f.context(try f.store(f.editor)))
        let document = try parser.parse(try AuthoringFixture.sample(), file: "deepseek.yaml")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let json = try encoder.encode(document)
        #expect(try parser.parse(json, file: "deepseek.json") == document)
        #expect(try JSONDecoder().decode(AuthoringDocument.self, from: json) == document)
        let report = try f.importFile(json, name: "deepseek.json", as: f.adminEditor)
        #expect(report.claims.count == 9)
    }
}
