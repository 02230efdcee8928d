import ClaimDeskDomain
import Foundation

/// `tools/SLUG/changes.xml`: one tool's recorded changes as an Atom feed, newest first. A function of the page model
/// alone, so a page carried over or re-rendered from its JSON gets the same feed as a fresh one.
struct ToolChangesFeed: Sendable {
    let config: SiteConfig
    /// The tag URIs' authority, parsed once rather than for every tool's feed.
    private let host: String

    init(config: SiteConfig) {
        self.config = config
        self.host = URLComponents(string: config.root)?.host ?? "localhost"
    }

    func render(_ page: ToolPage) -> Data {
        let feedURL = page.tool.url + SitePaths.toolFeedName
        let changes = page.changes.sorted { $0.seq > $1.seq }
        let name = XMLText.escape(page.tool.name)
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>\(name) — what changed · \(XMLText.escape(config.siteTitle))</title>
              <subtitle>Every change to this tool's page, newest first; corrections included.</subtitle>
              <id>\(XMLText.escape(feedURL))</id>
              <link rel="self" type="application/atom+xml" href="\(XMLText.escape(feedURL))"/>
              <link rel="alternate" type="text/html" href="\(XMLText.escape(page.tool.url))"/>
              <updated>\(changes.first.map { Self.time($0.day) } ?? "1970-01-01T00:00:00Z")</updated>
              <author><name>\(XMLText.escape(config.siteTitle))</name></author>

            """
        for change in changes {
            let correction = change.items.contains { $0.kind == .retracted }
            let what =
                correction ? "Correction" : change.material ? "Changed" : "Re-verified"
            let headings = change.items.map(\.heading).joined(separator: ", ")
            let text = change.items.map { "\($0.heading): \(ChangeText.sentence($0))" }.joined(separator: "\n")
            xml += """
                  <entry>
                    <id>tag:\(XMLText.escape(host)),\(config.feedTagDate):tool/\(page.tool.slug.rawValue)/change/\(change.seq)</id>
                    <title>\(what): \(name) — \(XMLText.escape(headings))</title>
                    <link rel="alternate" type="text/html" href="\(XMLText.escape(page.tool.url))#change-\(change.seq)"/>
                    <updated>\(Self.time(change.day))</updated>
                    <category term="\(correction ? "correction" : change.material ? "material" : "reverified")"/>
                    <content type="text">\(XMLText.escape(text))</content>
                  </entry>

                """
        }
        xml += "</feed>\n"
        return Data(xml.utf8)
    }

    private static func time(_ day: Day) -> String { "\(DayText.string(day))T00:00:00Z" }
}
