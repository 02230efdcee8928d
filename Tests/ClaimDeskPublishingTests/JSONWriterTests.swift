import ClaimDeskDomain
import Foundation
import Testing

@testable import ClaimDeskPublishing

/// The fast JSON writer must produce exactly what `JSONEncoder` (sorted keys, pretty, unescaped slashes) would, so
/// the files are standard, decodable JSON and no field can be forgotten silently.
@Suite("JSON writer")
struct JSONWriterTests {
    func encoderBytes<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        var data = try SiteJSON.makeEncoder().encode(value)
        data.append(0x0A)
        return Array(data)
    }

    func pages(_ catalog: PublishedCatalog) throws -> [ToolPage] {
        let builder = ToolPageBuilder(topics: catalog.topics, config: Fixtures.config)
        let links = [ToolLink(slug: ToolSlug("other"), name: "Other", url: "https://example.org/tools/other/")]
        return try catalog.tools.compactMap { try builder.page(for: $0, otherTools: links) }
    }

    @Test("tool pages are written byte for byte as JSONEncoder writes them, hostile and odd text included")
    func toolPages() throws {
        var odd = Hostile.catalog
        odd.tools[0].claims[0].body =
            "tab\there \"quoted\" back\\slash /slash \u{0}\u{1}\u{8}\u{c}\u{1f}\u{7f} é 😀 \u{2028}\r\n"
        odd.tools[0].claims[0].citations[0].title = nil
        for page in try pages(Fixtures.catalog) + pages(odd) {
            #expect(JSONWriter.document(page) == (try encoderBytes(page)))
        }
    }

    @Test("the compact form (used for the JSON-LD) matches JSONEncoder without pretty printing")
    func compact() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for page in try pages(Hostile.catalog) {
            #expect(JSONWriter.document(page, pretty: false) == Array(try encoder.encode(page)))
        }
        #expect(
            JSONWriter.document(ToolIndex(seq: 1, tools: []), pretty: false) == Array(#"{"seq":1,"tools":[]}"#.utf8))
    }

    @Test("the index and the manifest are written as JSONEncoder writes them, empty lists included")
    func indexAndManifest() throws {
        let summaries = try pages(Fixtures.catalog).map(ToolSummary.init)
        for index in [ToolIndex(seq: 13, tools: summaries), ToolIndex(seq: 0, tools: [])] {
            #expect(JSONWriter.document(index) == (try encoderBytes(index)))
        }
        let manifest = SiteManifest(
            seq: 13, asOf: Fixtures.day("2026-06-15"), stalenessDays: 180, fingerprint: "abc",
            files: [SiteManifest.File(path: "index.html", sha256: "00", size: 12)])
        #expect(JSONWriter.document(manifest) == (try encoderBytes(manifest)))
        var empty = manifest
        empty.files = []
        #expect(JSONWriter.document(empty) == (try encoderBytes(empty)))
    }

    @Test("what the writer writes decodes back to the same value")
    func roundTrip() throws {
        for page in try pages(Hostile.catalog) {
            #expect(try JSONDecoder().decode(ToolPage.self, from: Data(JSONWriter.document(page))) == page)
        }
    }
}
