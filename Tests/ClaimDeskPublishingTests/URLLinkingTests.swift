import ClaimDeskDomain
import Foundation
import Testing

@testable import ClaimDeskPublishing

/// One URL rule: every URL the database accepts (`URLRule`, the mirror of `claimdesk.url_problem`) is linked on the
/// page, escaped; what the rule refuses is never linked, however it got into the data.
@Suite("Every accepted URL is linked")
struct URLLinkingTests {
    static let accepted = [
        "https://example.com/a'b?x=1&y=2", "https://example.com/(paren)", "https://bücher.example/straße",
        "http://[::1]:8080/p", "https://example.com/#frag{x}",
    ]
    static let refused = ["https://example.com/?q=<script>", "https://example.com/x'>y", "https://u:p@example.com/"]

    /// Every string value anywhere in a decoded JSON document.
    static func strings(in value: Any) -> Set<String> {
        switch value {
        case let text as String: [text]
        case let array as [Any]: array.reduce(into: Set<String>()) { $0.formUnion(strings(in: $1)) }
        case let object as [String: Any]: object.values.reduce(into: Set<String>()) { $0.formUnion(strings(in: $1)) }
        default: []
        }
    }

    @Test("accepted URLs become escaped links in the HTML and appear unchanged in the JSON")
    func acceptedAreLinked() throws {
        var tool = Fixtures.deepseek
        let urls = Self.accepted + Self.refused
        for (index, url) in urls.enumerated() {
            tool.claims[0].citations.append(
                Citation(url: url, supports: "Test source \(index).", dated: Fixtures.verified))
        }
        let catalog = PublishedCatalog(topics: Fixtures.topics, tools: [tool], changes: [], seq: 13)
        let site = try SiteAssertions.export(catalog)
        let html = try TestSupport.text(site, "tools/deepseek/index.html")
        let json = try TestSupport.text(site, "api/v1/tools/deepseek.json")
        let strings = Self.strings(in: try JSONSerialization.jsonObject(with: Data(json.utf8)))
        for url in Self.accepted {
            #expect(URLRule.isValid(url), "\(url)")
            let escaped = HTMLEscaping.escape(url)
            #expect(html.contains(#"href="\#(escaped)""#), "\(url) is not linked")
            #expect(strings.contains(url), "\(url) missing from the JSON")
        }
        for url in Self.refused {
            #expect(!URLRule.isValid(url), "\(url)")
            #expect(!html.contains(#"href="\#(HTMLEscaping.escape(url))""#), "\(url) is linked")
            #expect(html.contains(#"<span class="source-url">\#(HTMLEscaping.escape(url))</span>"#), "\(url)")
        }
    }
}
