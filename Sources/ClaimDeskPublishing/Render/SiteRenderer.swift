import ClaimDeskDomain
import Foundation

/// Renders the export's files from page models: pure functions of their inputs, so a page rendered today from the
/// catalogue and one rendered tomorrow from yesterday's JSON are byte-identical.
struct SiteRenderer: Sendable {
    let config: SiteConfig
    let templates: SiteTemplates
    let builder: ToolPageBuilder
    let feed: AtomFeed
    let toolFeed: ToolChangesFeed
    /// Site values for pages at `tools/SLUG/index.html` and for `index.html`: they differ in the stylesheet's relative
    /// link.
    let toolSite: SiteView
    let indexSite: SiteView

    /// Copies of this renderer for each rendering thread, with settings and vocabulary in storage of their own.
    private let copies: PerThread<SiteRenderer>
    /// Each thread's buffers for `withToolFiles`; per thread, so no two pages ever share one.
    private let buffers = PerThread { ToolPageBuffers() }

    /// This renderer for the calling thread: the same values, but strings no other rendering thread retains (see
    /// `PerThread`).
    var forThisThread: SiteRenderer { copies.value }

    init(config: SiteConfig, templates: SiteTemplates, topics: [Topic]) {
        self.copies = PerThread {
            SiteRenderer(config: Self.copy(config), templates: templates, topics: Self.copy(topics))
        }
        self.config = config
        self.templates = templates
        self.builder = ToolPageBuilder(topics: topics, config: config)
        self.feed = AtomFeed(config: config, topics: topics)
        self.toolFeed = ToolChangesFeed(config: config)
        self.toolSite = SiteView(config: config, stylesheetHref: "../../" + templates.stylesheetPath)
        self.indexSite = SiteView(config: config, stylesheetHref: templates.stylesheetPath)
    }

    /// A deep copy (every string newly allocated) by a JSON round trip; the value itself if that ever failed.
    private static func copy<Value: Codable>(_ value: Value) -> Value {
        guard let data = try? JSONEncoder().encode(value), let copy = try? JSONDecoder().decode(Value.self, from: data)
        else { return value }
        return copy
    }

    /// The shared stylesheet and its path in the export.
    var stylesheet: (path: String, bytes: [UInt8]) { (templates.stylesheetPath, templates.stylesheet) }

    /// The tool's JSON document, HTML page and Atom feed, rendered into this thread's reused buffers and handed to
    /// `body`; the bytes are valid only inside it.
    func withToolFiles<Result>(
        _ page: ToolPage,
        _ body: (_ json: UnsafeRawBufferPointer, _ html: UnsafeRawBufferPointer, _ feed: UnsafeRawBufferPointer) throws
            -> Result
    ) throws -> Result {
        let buffers = self.buffers.value
        var writer = JSONWriter(reusing: buffers.json)
        buffers.json = []
        page.write(to: &writer)
        buffers.json = writer.finish()
        let view = PageView(page: page, site: toolSite, jsonLD: FAQPageJSONLD.render(page))
        try templates.renderBytes(view, template: "tool", reusing: &buffers.html)
        toolFeed.render(page, into: &buffers.feed)
        return try buffers.json.withUnsafeBytes { json in
            try buffers.html.withUnsafeBytes { html in
                try buffers.feed.withUnsafeBytes { feed in try body(json, html, feed) }
            }
        }
    }

    func indexJSON(_ index: ToolIndex) -> [UInt8] {
        JSONWriter.document(index, capacity: 1024 + index.tools.count * 1024)
    }

    func indexHTML(_ tools: [ToolSummary]) throws -> [UInt8] {
        try templates.renderBytes(
            IndexView(site: indexSite, tools: tools), template: "index", capacity: 4096 + tools.count * 1024)
    }

    func feedXML(_ changes: [ChangeEvent], exported: Set<ToolSlug>) -> Data {
        feed.render(changes: changes, exported: exported)
    }

    func sitemapXML(_ slugs: [ToolSlug]) -> Data { Sitemap.render(config: config, slugs: slugs) }
}
