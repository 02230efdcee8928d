import ClaimDeskDomain
import Foundation
import Mustache
import Testing

@testable import ClaimDeskPublishing

/// Rules that keep the designer-editable templates safe, checked on the shipped templates.
@Suite("Template safety")
struct TemplateSafetyTests {
    static let folder = TestSupport.packageRoot.appendingPathComponent("Sources/ClaimDeskPublishing/Templates")

    static func templates() throws -> [(name: String, text: String)] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }.sorted()
            .map { ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) }
    }

    @Test("no template writes a value unescaped except the JSON-LD, which is escaped for <script>")
    func onlyJSONLDUnescaped() throws {
        for (name, text) in try Self.templates() {
            let triples = text.components(separatedBy: "{{{").dropFirst().map { $0.prefix { $0 != "}" } }
            let ampersands = text.components(separatedBy: "{{&").count - 1
            #expect(ampersands == 0, "\(name) uses {{& }}")
            for variable in triples {
                #expect(
                    variable.trimmingCharacters(in: .whitespaces) == "jsonLD", "\(name) writes \(variable) unescaped")
            }
        }
    }

    @Test("href and action attributes only take values the views vetted as http(s) URLs")
    func vettedLinks() throws {
        for (name, text) in try Self.templates() {
            for attribute in ["href=\"{{", "action=\"{{", "src=\"{{"] {
                for use in text.components(separatedBy: attribute).dropFirst() {
                    let variable = String(use.prefix { $0 != "}" })
                    let vetted =
                        variable.hasSuffix("Href") || variable == "href" || variable == "."
                        || variable.hasPrefix("site.") || variable == "url" || variable == "apiURL"
                        || variable == "anchor"
                    #expect(vetted, "\(name): \(attribute)\(variable)")
                }
            }
        }
        // `{{.}}` in href is only used inside sections of vetted values, and `url`/`apiURL` only inside {{#tool}},
        // whose URLs the exporter builds from the configured http(s) base URL.
        let tool = try String(contentsOf: Self.folder.appendingPathComponent("tool.mustache"), encoding: .utf8)
        #expect(tool.contains(#"{{#officialHref}}<a href="{{.}}""#))
        #expect(tool.contains(#"{{#allToolsHref}}"#))
    }

    @Test("every template that writes values declares the fast escaping content type, and comments stay comments")
    func declaresEscaping() throws {
        for (name, text) in try Self.templates() where text.contains("{{") && name != "styles.mustache" {
            #expect(text.hasPrefix("{{% CONTENT_TYPE: CLAIMDESK_HTML }}\n"), "\(name)")
        }
        for (name, text) in try Self.templates() {
            for comment in text.components(separatedBy: "{{!").dropFirst() {
                let body = comment.components(separatedBy: "}}").first ?? ""
                #expect(!body.contains("{{"), "\(name): a comment contains a tag, which would end it early")
            }
        }
    }

    @Test("the fast escaping escapes exactly what swift-mustache's HTML escaping does")
    func sameEscaping() throws {
        let samples = [
            "", "plain", "<script>alert('x') & \"y\"</script>", "é — 😀 <b>", "a&amp;b", "'\"<>&",
            String(repeating: "<", count: 100),
        ]
        HTMLEscaping.register()
        let builtin = try MustacheTemplate(string: "{{value}}")
        let fast = try MustacheTemplate(string: "{{% CONTENT_TYPE: CLAIMDESK_HTML }}{{value}}")
        for sample in samples {
            #expect(HTMLEscaping.escape(sample) == builtin.render(["value": sample]))
            #expect(fast.render(["value": sample]) == builtin.render(["value": sample]))
        }
    }

    @Test("a template that does not parse is reported by name")
    func invalidTemplate() throws {
        let folder = try TestSupport.scratch()
        for (name, text) in try Self.templates() {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        try Data("{{#open}} never closed".utf8).write(to: folder.appendingPathComponent("tool.mustache"))
        #expect {
            try SiteExporter(templatesDirectory: folder)
        } throws: { error in
            guard case .templateInvalid(let name, _) = error as? ExportError else { return false }
            return name == "tool.mustache"
        }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("tool.mustache"))
        #expect(throws: ExportError.templatesMissing(path: folder.appendingPathComponent("tool.mustache").path)) {
            try SiteExporter(templatesDirectory: folder)
        }
    }

    @Test("a designer's template folder is used instead of the shipped one")
    func customTemplates() throws {
        let folder = try TestSupport.scratch()
        for (name, text) in try Self.templates() {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        try Data("{{% CONTENT_TYPE: CLAIMDESK_HTML }}\n<p>{{title}}</p>\n".utf8)
            .write(to: folder.appendingPathComponent("tool.mustache"))
        let site = try TestSupport.scratch().appendingPathComponent("site")
        _ = try SiteExporter(templatesDirectory: folder).export(
            catalog: Hostile.catalog, config: Fixtures.config, to: site)
        #expect(
            try TestSupport.text(site, "tools/deepseek/index.html")
                == "<p>Does DeepSeek &lt;script&gt;document.title=&#39;PWNED&#39;;document.documentElement.setAttribute(&#39;data-pwned&#39;,&#39;1&#39;)&lt;/script&gt; train on your data?</p>\n"
        )
    }
}
