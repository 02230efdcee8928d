import ClaimDeskDomain
import Foundation

/// Renders the export's files from page models: pure functions of their inputs, so a page rendered today from the
/// catalogue and one rendered tomorrow from yesterday's JSON are byte-identical.
struct SiteRenderer: Sendable {
    let config: SiteConfig
    let templates: SiteTemplates
    let builder: ToolPageBuilder
    let feed: AtomFeed

    init(config: SiteConfig, templates: SiteTemplates, topics: [Topic]) {
        self.config = config
        self.templates = templates
        self.builder = ToolPageBuilder(topics: topics, config: config)
        self.feed = AtomFeed(config: config, topics: topics)
    }

    /// The tool's JSON document and HTML page.
    func toolFiles(_ page: ToolPage) throws -> (json: Data, html: Data) {
        (Data(JSONWriter.document(page, capacity: 64 * 1024)), try toolHTML(page))
    }

    func toolHTML(_ page: ToolPage) throws -> Data {
        let jsonLD = FAQPageJSONLD.render(page)
        let view = PageView(page: page, site: SiteView(config: config), jsonLD: jsonLD)
        return Data(try templates.render(view, template: "tool").utf8)
    }

    func indexJSON(_ index: ToolIndex) -> Data {
        Data(JSONWriter.document(index, capacity: 1024 + index.tools.count * 1024))
    }

    func indexHTML(_ tools: [ToolSummary]) throws -> Data {
        Data(try templates.render(IndexView(site: SiteView(config: config), tools: tools), template: "index").utf8)
    }

    func feedXML(_ changes: [ChangeEvent], exported: Set<ToolSlug>) -> Data {
        feed.render(changes: changes, exported: exported)
    }

    func sitemapXML(_ slugs: [ToolSlug]) -> Data { Sitemap.render(config: config, slugs: slugs) }
}
