import ClaimDeskDomain
import Foundation
import Mustache
import Testing

@testable import ClaimDeskPublishing

/// The export renders pages with `TemplateRenderer`, which must give exactly the bytes swift-mustache gives for the
/// same templates and views; what it cannot render goes to swift-mustache itself.
@Suite("Template renderer")
struct TemplateRendererTests {
    /// A struct without custom lookup, so names resolve through `Mirror` as swift-mustache does it.
    struct Plain {
        let title: String
        let count: Int
        let note: String?
        let tags: [String]
    }

    /// Templates that exercise the parser's line and whitespace rules and the renderer's lookup rules.
    static let edgeTemplates: [String: String] = [
        "main": """
        {{! a standalone comment line disappears }}
        Title: {{title}} / {{{raw}}} / {{&raw}} / {{ spaced }}
          {{#items}}
          - {{name}} ({{count}}) in {{title}}{{#flag}} flagged{{/flag}}{{^flag}} plain{{/flag}}
          {{/items}}
        {{^items}}no items{{/items}}
        {{#empty(none)}}none is empty{{/empty(none)}} {{^empty(items)}}{{count(items)}} items{{/empty(items)}}
        {{#reversed(letters)}}{{.}}{{/reversed(letters)}} {{first(letters)}} {{last(letters)}}
        Nested: {{nested.inner.value}} anchored: {{#nested}}[{{.title}}]{{/nested}} missing: [{{nested.nope}}]
        {{#absent}}never{{/absent}}{{^absent}}absent is false{{/absent}} [{{absent}}]
        {{#plain}}{{title}} {{count}} {{note}} {{#tags}}<{{.}}>{{/tags}}{{/plain}}
        {{> part}}
        inline {{> part}} partial
        {{> missing}}
        {{%CONTENT_TYPE: TEXT}}
        text: {{title}}
        {{#items}}{{%CONTENT_TYPE: HTML}}{{name}}{{/items}} {{title}}
        Done: {{optional}} {{number}} {{flagTrue}} {{double}}
        \r
        crlf line\r
        {{#items}}\r
        crlf {{name}}\r
        {{/items}}\r
        {{=<% %>=}}
        """,
        "part": "{{% CONTENT_TYPE: CLAIMDESK_HTML }}\npartial {{title}} & {{raw}}\n",
    ]

    static var edgeView: [String: Any] {
        [
            "title": "Tom & Jerry's <\"show\">",
            "raw": "<b>bold</b>",
            "spaced": "spaces around the name",
            "items": [
                ["name": "one <1>", "count": 1, "flag": true],
                ["name": "two", "flag": false],
                ["name": "e\u{301}'\u{301}", "count": 3],
            ] as [[String: Any]],
            "none": [String](),
            "letters": ["a", "b", "c"],
            "nested": ["inner": ["value": "deep"], "title": "nested title"] as [String: Any],
            "absent": Absent(),
            "plain": Plain(title: "plain <title>", count: 7, note: "a note", tags: ["x", "y"]),
            "optional": Optional("wrapped") as Any,
            "number": 42,
            "flagTrue": true,
            "double": 2.5,
        ]
    }

    @Test("the shipped templates all compile for the fast renderer")
    func shippedTemplatesCompile() throws {
        let templates = try SiteTemplates.load()
        #expect(templates.uncompiled.isEmpty, "left to swift-mustache: \(templates.uncompiled)")
        #expect(Set(templates.compiled.keys).isSuperset(of: ["tool", "index", "claim", "source", "badge", "styles"]))
    }

    @Test("tool and index pages of the fixture and hostile catalogues are byte-identical to swift-mustache's")
    func pagesMatchSwiftMustache() throws {
        let templates = try SiteTemplates.load()
        for catalog in [Fixtures.catalog, Hostile.catalog] {
            let renderer = SiteRenderer(config: Fixtures.config, templates: templates, topics: catalog.topics)
            let jobs = try SiteExporter.fullPlan(catalog.tools, config: Fixtures.config)
            var summaries: [ToolSummary] = []
            for job in jobs {
                guard case .fresh(let tool, let links) = job,
                    let page = try renderer.builder.page(for: tool, otherTools: links)
                else { continue }
                summaries.append(ToolSummary(page))
                let view = PageView(page: page, site: renderer.toolSite, jsonLD: FAQPageJSONLD.render(page))
                let fast = try templates.renderBytes(view, template: "tool")
                #expect(!fast.isEmpty)
                #expect(fast == Array(try templates.render(view, template: "tool").utf8), "\(tool.tool.slug)")
            }
            #expect(!summaries.isEmpty)
            let index = IndexView(site: renderer.indexSite, tools: summaries)
            #expect(
                try templates.renderBytes(index, template: "index")
                    == Array(try templates.render(index, template: "index").utf8))
        }
    }

    @Test("standalone lines, comments, transforms, dotted and anchored names, content types, CR LF: same bytes")
    func edgeCasesMatchSwiftMustache() throws {
        var texts = Self.edgeTemplates
        // The set-delimiter tag at the end is not supported by the fast parser; without it, "main" compiles.
        texts["main"] = texts["main"]?.replacingOccurrences(of: "{{=<% %>=}}", with: "")
        let templates = try SiteTemplates(texts: texts)
        #expect(templates.uncompiled.isEmpty, "\(templates.uncompiled)")
        let fast = try templates.renderBytes(Self.edgeView, template: "main")
        let reference = try templates.render(Self.edgeView, template: "main")
        #expect(String(decoding: fast, as: UTF8.self) == reference)
        #expect(reference.contains("Tom &amp; Jerry&#39;s"))
        #expect(reference.contains("text: Tom & Jerry's"))

        // Literal text after a section is not part of the section's body, whether the section renders or not.
        let around = try SiteTemplates(texts: [
            "main":
                "a{{#flagTrue}}b{{/flagTrue}}c{{^flagTrue}}d{{/flagTrue}}e{{#none}}f{{/none}}g\n{{#letters}}\n{{.}}\n{{/letters}}\nh"
        ])
        #expect(around.uncompiled.isEmpty)
        let aroundFast = try around.renderBytes(Self.edgeView, template: "main")
        #expect(String(decoding: aroundFast, as: UTF8.self) == (try around.render(Self.edgeView, template: "main")))
        #expect(String(decoding: aroundFast, as: UTF8.self) == "abceg\na\nb\nc\nh")
    }

    @Test("what the fast renderer does not support is rendered by swift-mustache, with the same result")
    func unsupportedFallsBack() throws {
        let templates = try SiteTemplates(texts: Self.edgeTemplates)
        #expect(templates.uncompiled["main"] != nil)
        let fast = try templates.renderBytes(Self.edgeView, template: "main")
        #expect(String(decoding: fast, as: UTF8.self) == (try templates.render(Self.edgeView, template: "main")))

        // A lambda is only known while rendering: the page is rendered again by swift-mustache.
        let lambdas = try SiteTemplates(texts: ["main": "{{#wrap}}x{{/wrap}} {{title}}"])
        #expect(lambdas.uncompiled.isEmpty)
        let view: [String: Any] = ["wrap": MustacheLambda { (text: String) in "<\(text)>" }, "title": "t"]
        let rendered = try lambdas.renderBytes(view, template: "main")
        #expect(String(decoding: rendered, as: UTF8.self) == (try lambdas.render(view, template: "main")))
        #expect(String(decoding: rendered, as: UTF8.self).contains("t"))
    }
}
