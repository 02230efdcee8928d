import ClaimDeskDomain
import Foundation
import Testing

@testable import ClaimDeskPublishing

/// The public change log: each page's "What changed" section, the same list in the page JSON, and the per-tool Atom
/// feed beside the site-wide one, both valid for Python's feedparser (scripts/test installs it).
@Suite("Change log")
struct ChangeLogTests {
    static let parser = """
        import json, sys, feedparser
        out = []
        for path in sys.argv[1:]:
            feed = feedparser.parse(path)
            out.append({"path": path, "bozo": int(feed.bozo), "title": feed.feed.get("title", ""),
                        "entries": [{"id": e.id, "title": e.title, "link": e.link,
                                     "tags": [t.term for t in e.get("tags", [])]} for e in feed.entries]})
        print(json.dumps(out))
        """

    struct Parsed: Decodable {
        struct Entry: Decodable {
            var id: String
            var title: String
            var link: String
            var tags: [String]
        }
        var path: String
        var bozo: Int
        var title: String
        var entries: [Entry]
    }

    @Test("the per-tool and site-wide feeds parse cleanly; the tool's entries are its changes, newest first")
    func feeds() throws {
        let site = try SiteAssertions.export()
        let python = try #require(TestSupport.which("python3"), "python3 with feedparser is required")
        let files = ["changes.xml", "tools/deepseek/changes.xml", "tools/northwind-assistant/changes.xml"].map {
            site.appendingPathComponent($0).path
        }
        let result = try TestSupport.run(python, ["-c", Self.parser] + files)
        #expect(result.status == 0, "\(result.stderr)")
        let parsed = try JSONDecoder().decode([Parsed].self, from: Data(result.stdout.utf8))
        #expect(parsed.map(\.bozo) == [0, 0, 0])
        let deepseek = try #require(parsed.first { $0.path.hasSuffix("tools/deepseek/changes.xml") })
        #expect(deepseek.entries.map(\.id) == [7, 6, 1].map { "tag:example.org,2026:tool/deepseek/change/\($0)" })
        #expect(deepseek.entries.map(\.tags) == [["reverified"], ["correction"], ["material"]])
        #expect(deepseek.entries[1].title.hasPrefix("Correction: DeepSeek"))
        #expect(deepseek.entries[1].link == "https://example.org/tools/deepseek/#change-6")
    }

    @Test("the page JSON carries the same changes as the page shows, retractions as corrections with their note")
    func pageAndJSON() throws {
        let site = try SiteAssertions.export()
        let json = try Data(contentsOf: site.appendingPathComponent("api/v1/tools/deepseek.json"))
        let page = try JSONDecoder().decode(ToolPage.self, from: json)
        #expect(page.changes.map(\.seq) == [7, 6, 1])
        #expect(page.changes.map(\.material) == [false, true, true])
        let retraction = try #require(page.changes[1].items.first { $0.kind == .retracted })
        #expect(retraction.note?.contains("another vendor") == true)
        let html = try String(contentsOf: site.appendingPathComponent("tools/deepseek/index.html"), encoding: .utf8)
        #expect(html.contains("<h2 id=\"changes-heading\">What changed</h2>"))
        #expect(html.contains("<li class=\"change correction\" id=\"change-6\">"))
        #expect(html.contains("another vendor&#39;s terms &amp; conditions"))
        #expect(!html.contains("<b>available</b>"))
    }

    @Test("without a notify URL the page has no notify-me section and no form")
    func noFormWithoutEndpoint() throws {
        var config = Fixtures.config
        config.notifyURL = ""
        let site = try SiteAssertions.export(Fixtures.catalog, config: config)
        let html = try String(contentsOf: site.appendingPathComponent("tools/deepseek/index.html"), encoding: .utf8)
        #expect(!html.contains("<form"))
        #expect(!html.contains("id=\"notify\""))
        let with = try String(
            contentsOf: try SiteAssertions.export(label: "with-form").appendingPathComponent(
                "tools/deepseek/index.html"),
            encoding: .utf8)
        #expect(with.contains("<form method=\"post\" action=\"https://example.org/notify?tool=deepseek\">"))
    }
}
