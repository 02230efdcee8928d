import ClaimDeskDomain
import Foundation

/// `changes.xml`: an Atom feed of publishes and retractions, newest first, so readers and the notification service
/// can follow what changed without diffing pages.
struct AtomFeed: Sendable {
    let config: SiteConfig
    let topics: [TopicKey: Topic]

    init(config: SiteConfig, topics: [Topic]) {
        self.config = config
        var byKey: [TopicKey: Topic] = [:]
        for topic in topics { byKey[topic.key] = topic }
        self.topics = byKey
    }

    /// Entries link to the tool's page when it is exported, else to the site's index (a fully retracted tool has no page).
    func render(changes: [ChangeEvent], exported: Set<ToolSlug>) -> Data {
        let events = changes.sorted { $0.seq > $1.seq }
        let host = URLComponents(string: config.root)?.host ?? "localhost"
        let title = XMLText.escape(config.siteTitle)
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>\(title) — changes</title>
              <subtitle>Every publish and retraction, newest first.</subtitle>
              <id>\(XMLText.escape(config.feedURL))</id>
              <link rel="self" type="application/atom+xml" href="\(XMLText.escape(config.feedURL))"/>
              <link rel="alternate" type="text/html" href="\(XMLText.escape(config.homeURL))"/>
              <updated>\(events.first.map { Timestamp.iso8601($0.at) } ?? "1970-01-01T00:00:00Z")</updated>
              <author><name>\(title)</name></author>

            """
        for event in events {
            let link = exported.contains(event.ref.tool) ? config.pageURL(event.ref.tool) : config.homeURL
            let verb = event.kind == .published ? "Published" : "Retracted"
            let subject =
                topics[event.ref.topic].map { PlaceholderText.fill($0.heading, ["tool": event.toolName]) }
                ?? event.ref.topic.rawValue
            let tier = event.ref.tier.map { " (\($0.rawValue) plan)" } ?? ""
            xml += """
                  <entry>
                    <id>tag:\(XMLText.escape(host)),\(config.feedTagDate):change/\(event.seq)</id>
                    <title>\(verb): \(XMLText.escape(event.toolName)) — \(XMLText.escape(subject))\(XMLText.escape(tier))</title>
                    <link rel="alternate" type="text/html" href="\(XMLText.escape(link))"/>
                    <updated>\(Timestamp.iso8601(event.at))</updated>
                    <category term="\(event.kind.rawValue)"/>
                    <summary>\(XMLText.escape(event.summary))</summary>
                    <content type="text">\(XMLText.escape("\(event.ref): \(event.summary)"))</content>
                  </entry>

                """
        }
        xml += "</feed>\n"
        return Data(xml.utf8)
    }
}
