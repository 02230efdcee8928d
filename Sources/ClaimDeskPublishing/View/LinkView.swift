import ClaimDeskDomain
import Mustache

/// A link to a tool page: `{{name}}`, `{{slug}}`, `{{href}}` (present only for http(s) URLs; `{{hasHref}}` says whether it is), and on the index
/// `{{category}}`, `{{#badges}}…{{/badges}}`, `{{lastVerified}}`, `{{confidence}}`, `{{stale}}`.
final class LinkView: TemplateObject {
    let name: String
    let slug: String
    let url: String
    let summary: ToolSummary?

    init(_ link: ToolLink) {
        name = link.name
        slug = link.slug.rawValue
        url = link.url
        summary = nil
    }

    init(_ summary: ToolSummary) {
        name = summary.name
        slug = summary.slug.rawValue
        url = summary.url
        self.summary = summary
    }

    /// Checked once per link: the template asks `hasHref` and `href` for each of a page's other tools.
    private lazy var href: String? = SafeURL.href(url)

    override func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .name: .text(self.name)
        case .slug: .text(slug)
        case .href: href.map { .text($0) } ?? .absent
        case .hasHref: .bool(href != nil)
        case .category: .nonEmpty(summary?.category)
        case .badges: .list(summary?.badges.map(BadgeView.init) ?? [])
        case .lastVerified: .nonEmpty(summary.map { DayText.string($0.lastVerified) })
        case .confidence: .nonEmpty(summary?.confidence.rawValue)
        case .stale: .bool(summary?.stale ?? false)
        default: .missing
        }
    }
}
