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

    /// Written byte by byte into `xml` (emptied first; a rendering thread reuses one buffer): put together by string
    /// interpolation and joins, the 10,000 feeds of a full export cost nearly a second of CPU.
    func render(_ page: ToolPage, into xml: inout [UInt8]) {
        xml.removeAll(keepingCapacity: true)
        let feedURL = page.tool.url + SitePaths.toolFeedName
        let changes = page.changes.sorted { $0.seq > $1.seq }
        func add(_ text: StaticString) {
            xml.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
        func add(escaped text: String) { XMLText.append(text, to: &xml) }
        func add(raw text: String) { xml.append(contentsOf: text.utf8) }
        func add(time day: Day) {
            DayText.append(day, to: &xml)
            add("T00:00:00Z")
        }

        add("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  <title>")
        add(escaped: page.tool.name)
        add(" — what changed · ")
        add(escaped: config.siteTitle)
        add(
            "</title>\n  <subtitle>Every change to this tool's page, newest first; corrections included.</subtitle>\n"
        )
        add("  <id>")
        add(escaped: feedURL)
        add("</id>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"")
        add(escaped: feedURL)
        add("\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"")
        add(escaped: page.tool.url)
        add("\"/>\n  <updated>")
        if let newest = changes.first { add(time: newest.day) } else { add("1970-01-01T00:00:00Z") }
        add("</updated>\n  <author><name>")
        add(escaped: config.siteTitle)
        add("</name></author>\n")
        for change in changes {
            let correction = change.items.contains { $0.kind == .retracted }
            add("  <entry>\n    <id>tag:")
            add(escaped: host)
            add(",")
            add(raw: config.feedTagDate)
            add(":tool/")
            add(raw: page.tool.slug.rawValue)
            add("/change/")
            add(raw: String(change.seq))
            add("</id>\n    <title>")
            if correction { add("Correction") } else if change.material { add("Changed") } else { add("Re-verified") }
            add(": ")
            add(escaped: page.tool.name)
            add(" — ")
            for index in change.items.indices {
                if index > 0 { add(", ") }
                add(escaped: change.items[index].heading)
            }
            add("</title>\n    <link rel=\"alternate\" type=\"text/html\" href=\"")
            add(escaped: page.tool.url)
            add("#change-")
            add(raw: String(change.seq))
            add("\"/>\n    <updated>")
            add(time: change.day)
            add("</updated>\n    <category term=\"")
            if correction { add("correction") } else if change.material { add("material") } else { add("reverified") }
            add("\"/>\n    <content type=\"text\">")
            // Escaping works byte by byte and leaves newlines alone, so escaping each part equals escaping the whole.
            for index in change.items.indices {
                if index > 0 { add("\n") }
                add(escaped: change.items[index].heading)
                add(": ")
                ChangeText.pieces(of: change.items[index]) { add(escaped: $0) }
            }
            add("</content>\n  </entry>\n")
        }
        add("</feed>\n")
    }
}
