import ClaimDeskDomain
import Foundation
import Testing

@testable import ClaimDeskPublishing

/// The site's CSS is one content-hashed file, `assets/site.<hash>.css`, linked relatively from every page, instead of
/// being inlined into each of them.
@Suite("Shared stylesheet")
struct StylesheetTests {
    @Test("one assets/site.<sha256 prefix>.css holds styles.mustache; pages link it relatively and inline no CSS")
    func oneLinkedStylesheet() throws {
        let site = try SiteAssertions.export()
        let assets = TestSupport.entries(of: site.appendingPathComponent("assets"))
        #expect(assets.count == 1)
        let name = try #require(assets.first)
        let css = try Data(contentsOf: site.appendingPathComponent("assets").appendingPathComponent(name))
        let digest = FileDigest.entry(for: css, path: name).sha256
        #expect(name == "site.\(digest.prefix(16)).css")
        #expect(String(decoding: css, as: UTF8.self).contains("--wash: #f6f7f9"))
        #expect(!String(decoding: css, as: UTF8.self).contains("{{"))

        let tool = try TestSupport.text(site, "tools/deepseek/index.html")
        #expect(tool.contains(#"<link rel="stylesheet" href="../../assets/\#(name)">"#))
        let index = try TestSupport.text(site, "index.html")
        #expect(index.contains(#"<link rel="stylesheet" href="assets/\#(name)">"#))
        for page in [tool, index] {
            #expect(!page.contains("<style"))
            #expect(page.contains("style-src 'self'"))
        }
        let manifest = try #require(try SiteExporter.manifest(in: site))
        #expect(manifest.files.contains { $0.path == "assets/\(name)" && $0.sha256 == digest })
    }

    /// Opens pages from `file://` in real headless Chromium under their own Content-Security-Policy (only a probe
    /// script is allowed in addition) and reads the computed background: the stylesheet applies. A probe whose link
    /// points nowhere shows the default background, so the check can fail.
    @Test("in real headless Chromium, from file://, the linked stylesheet applies to tool pages and the index")
    func appliesInChromium() throws {
        let chromium = try #require(
            TestSupport.which("chromium", extra: ["/usr/bin/chromium", "/usr/bin/chromium-browser"]),
            "chromium is required for this test (Debian package: chromium)")
        let site = try SiteAssertions.export()
        for path in ["tools/deepseek/index.html", "index.html"] {
            let page = site.appendingPathComponent(path)
            let html = try String(contentsOf: page, encoding: .utf8)
            #expect(try background(chromium, probe(html, at: page, name: "probe.html")) == "rgb(246, 247, 249)")
            let broken = html.replacingOccurrences(of: "assets/site.", with: "assets/missing.")
            #expect(try background(chromium, probe(broken, at: page, name: "broken.html")) == "rgba(0, 0, 0, 0)")
        }
    }

    /// A copy of the page beside it that records the body's computed background once the stylesheet has loaded.
    private func probe(_ html: String, at page: URL, name: String) throws -> URL {
        let script = "<script>document.body.dataset.bg = getComputedStyle(document.body).backgroundColor;</script>"
        let probed =
            html
            .replacingOccurrences(of: "default-src 'none';", with: "default-src 'none'; script-src 'unsafe-inline';")
            .replacingOccurrences(of: "</body>", with: "\(script)</body>")
        let url = page.deletingLastPathComponent().appendingPathComponent(name)
        try Data(probed.utf8).write(to: url)
        return url
    }

    private func background(_ chromium: String, _ page: URL) throws -> String? {
        let result = try TestSupport.run(
            chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.absoluteString])
        #expect(result.status == 0, "chromium failed: \(result.stderr)")
        guard let start = result.stdout.range(of: "data-bg=\"") else { return nil }
        let rest = result.stdout[start.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
