import ClaimDeskDomain
import Foundation
import Testing

@testable import ClaimDeskPublishing

/// Hostile text in any field renders inert: escaped as text, never a tag, an attribute or a link.
@Suite("Hostile text")
struct HostileTextTests {
    func exportedPage() throws -> (site: URL, html: String) {
        let site = try SiteAssertions.export(Hostile.catalog)
        return (site, try TestSupport.text(site, "tools/deepseek/index.html"))
    }

    @Test("payloads appear only escaped: no injected tag, attribute or javascript: link in the HTML")
    func escapedInHTML() throws {
        let (site, html) = try exportedPage()
        #expect(!html.contains("<script>document"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("onerror=\""))
        #expect(!html.contains("onmouseover=\""))
        #expect(!html.lowercased().contains("href=\"javascript:"))
        #expect(html.contains("&lt;script&gt;document.title=&#39;PWNED&#39;"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=&quot;"))
        // The javascript: URLs are shown as text, not linked.
        #expect(html.contains(#"<span class="source-url">javascript:document.title=&#39;PWNED&#39;</span>"#))
        #expect(html.contains("official site: javascript:document.title=&#39;PWNED&#39;"))
        #expect(html.components(separatedBy: "<script").count == 2)  // only the JSON-LD
        let index = try TestSupport.text(site, "index.html")
        #expect(!index.contains("<script>document"))
        #expect(index.contains("DeepSeek &lt;script&gt;"))
    }

    @Test("the JSON-LD cannot be closed early: < > & are \\u-escaped inside the script element")
    func jsonLDEscaped() throws {
        let (_, html) = try exportedPage()
        let start = try #require(html.range(of: #"<script type="application/ld+json">"#))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = String(html[start.upperBound..<end.lowerBound])
        #expect(!json.contains("<"))
        #expect(!json.contains(">"))
        #expect(json.contains("\\u003c/script\\u003e"))
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let entities = try #require(decoded["mainEntity"] as? [[String: Any]])
        #expect(
            (entities.last?["acceptedAnswer"] as? [String: Any])?["text"] as? String
                == "No PHI. PHI \(Hostile.closeScript)")
    }

    @Test("XML files escape payloads too and stay well-formed")
    func feedEscaped() throws {
        var catalog = Hostile.catalog
        catalog.changes[0].summary = "Feed \(Hostile.script) & \u{1}control"
        catalog.changes[0].toolName = "Tool ]]> <x>"
        let site = try SiteAssertions.export(catalog)
        let feed = try Data(contentsOf: site.appendingPathComponent("changes.xml"))
        #expect(!String(decoding: feed, as: UTF8.self).contains("<script>"))
        #expect(FeedTests.isWellFormedXML(feed))
    }

    /// Opens the exported page in real headless Chromium with its Content-Security-Policy removed (so escaping alone
    /// has to keep it inert), proves no payload ran, and keeps a screenshot as a test artifact.
    @Test("in real headless Chromium no payload runs, the text shows as text, and a screenshot is kept")
    func chromium() throws {
        let chromium = try #require(
            TestSupport.which("chromium", extra: ["/usr/bin/chromium", "/usr/bin/chromium-browser"]),
            "chromium is required for this test (Debian package: chromium)")
        let (site, html) = try exportedPage()
        let withoutCSP = html.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("Content-Security-Policy") }.joined(separator: "\n")
        #expect(withoutCSP != html)
        let page = site.appendingPathComponent("tools/deepseek/no-csp.html")
        try Data(withoutCSP.utf8).write(to: page)

        // Positive control: in this same setup a real script does run, so "nothing ran" below means something.
        let control = site.appendingPathComponent("tools/deepseek/control.html")
        try Data(
            withoutCSP.replacingOccurrences(of: "</body>", with: "<script>\(Hostile.script.dropFirst(8))</body>").utf8
        )
        .write(to: control)
        let controlDOM = try dumpDOM(chromium, control)
        #expect(controlDOM.contains("data-pwned=\"1\""), "control script did not run; is chromium working?")

        let dom = try dumpDOM(chromium, page)
        #expect(dom.contains("<html lang=\"en\">"))
        #expect(!dom.contains("data-pwned=\""), "a payload ran and marked the document")
        #expect(!dom.contains("<title>PWNED"))
        #expect(dom.contains("<title>Does DeepSeek &lt;script&gt;"))
        #expect(!dom.contains("<img"))
        #expect(dom.contains("Yes &lt;script&gt;document.title='PWNED'"))
        #expect(dom.contains("Body \"&gt;&lt;img src=x onerror="))
        #expect(!dom.lowercased().contains("href=\"javascript:"))

        let artifacts = TestSupport.artifactsFolder
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        for (name, file, height) in [
            ("hostile-deepseek.png", page, 6400), ("deepseek.png", try cleanPage(), 5600),
            ("index.png", try cleanPage("index.html"), 1000),
        ] {
            let shot = artifacts.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: shot)
            let result = try TestSupport.run(
                chromium,
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1200,\(height)",
                    "--screenshot=\(shot.path)", file.absoluteString,
                ])
            #expect(result.status == 0, "chromium failed: \(result.stderr)")
            let size = (try? FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int) ?? 0
            #expect(size > 10_000, "screenshot \(shot.path) is missing or empty")
        }
    }

    func dumpDOM(_ chromium: String, _ page: URL) throws -> String {
        let result = try TestSupport.run(
            chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.absoluteString])
        #expect(result.status == 0, "chromium failed: \(result.stderr)")
        return result.stdout
    }

    /// The fixture's page, for a screenshot of how the site normally looks.
    func cleanPage(_ path: String = "tools/deepseek/index.html") throws -> URL {
        try SiteAssertions.export(label: "clean").appendingPathComponent(path)
    }
}
