import ClaimDeskDomain
import Foundation
import Testing

@testable import ClaimDeskPublishing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Feed and sitemap")
struct FeedTests {
    static func isWellFormedXML(_ data: Data) -> Bool {
        XMLParser(data: data).parse()
    }

    @Test("the Atom feed lists each publish and retraction newest first, with tag: ids and event times")
    func feed() throws {
        let site = try SiteAssertions.export()
        let data = try Data(contentsOf: site.appendingPathComponent("changes.xml"))
        #expect(Self.isWellFormedXML(data))
        let xml = String(decoding: data, as: UTF8.self)
        #expect(xml.contains(#"<feed xmlns="http://www.w3.org/2005/Atom">"#))
        let ids = xml.components(separatedBy: "<id>tag:example.org,2026:change/").dropFirst()
            .compactMap { Int($0.prefix { $0.isNumber }) }
        #expect(ids == Array((1...13).reversed()))
        // The feed is as new as its newest event, and each entry carries its own time.
        #expect(xml.contains("  <updated>2026-06-03T10:00:00Z</updated>\n  <author>"))
        #expect(xml.contains("<updated>2026-06-02T09:01:00Z</updated>"))
        #expect(
            xml.contains(
                "<title>Retracted: Northwind Assistant — How long does Northwind Assistant keep your data?</title>"))
        #expect(xml.contains(#"<category term="retracted"/>"#))
        #expect(
            xml.contains(
                "<title>Published: DeepSeek — Does DeepSeek train its models on your data? (consumer plan)</title>"))
    }

    @Test("an empty feed is still valid Atom with a fixed updated time")
    func emptyFeed() throws {
        var catalog = Fixtures.catalog
        catalog.changes = []
        let site = try SiteAssertions.export(catalog)
        let data = try Data(contentsOf: site.appendingPathComponent("changes.xml"))
        #expect(Self.isWellFormedXML(data))
        #expect(String(decoding: data, as: UTF8.self).contains("<updated>1970-01-01T00:00:00Z</updated>"))
    }

    @Test("the sitemap lists the index and every tool page")
    func sitemap() throws {
        let site = try SiteAssertions.export()
        let data = try Data(contentsOf: site.appendingPathComponent("sitemap.xml"))
        #expect(Self.isWellFormedXML(data))
        let xml = String(decoding: data, as: UTF8.self)
        SiteAssertions.expectInOrder(
            [
                "<loc>https://example.org/</loc>", "<loc>https://example.org/tools/deepseek/</loc>",
                "<loc>https://example.org/tools/northwind-assistant/</loc>",
            ], in: xml)
    }

    @Test("timestamps are ISO 8601 UTC to the second")
    func timestamps() {
        #expect(Timestamp.iso8601(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(
            Timestamp.iso8601(Fixtures.time("2026-06-02T09:07:05Z").addingTimeInterval(0.9)) == "2026-06-02T09:07:05Z")
        #expect(Timestamp.iso8601(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
    }
}
