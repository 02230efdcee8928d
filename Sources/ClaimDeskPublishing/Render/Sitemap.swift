import ClaimDeskDomain
import Foundation

/// `sitemap.xml`: the index and every tool page, for search engines.
enum Sitemap {
    static func render(config: SiteConfig, slugs: [ToolSlug]) -> Data {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>\(XMLText.escape(config.homeURL))</loc></url>

            """
        xml.reserveCapacity(xml.utf8.count + slugs.count * 64)
        for slug in slugs {
            xml += "  <url><loc>\(XMLText.escape(config.pageURL(slug)))</loc></url>\n"
        }
        xml += "</urlset>\n"
        return Data(xml.utf8)
    }
}
