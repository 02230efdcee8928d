import ClaimDeskDomain
import Mustache

/// A link to a tool page: `{{name}}`, `{{slug}}`, `{{href}}` (present only for http(s) URLs; `{{hasHref}}` says whether it is), and on the index
/// `{{category}}`, `{{#badges}}…{{/badges}}`, `{{lastVerified}}`, `{{confidence}}`, `{{stale}}`.
struct LinkView: MustacheParent {
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

    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "slug": slug
        case "href": SafeURL.href(url) ?? Absent()
        case "hasHref": SafeURL.href(url) != nil
        case "category": Absent.text(summary?.category)
        case "badges": summary?.badges.map(BadgeView.init) ?? []
        case "lastVerified": Absent.text(summary.map { DayText.string($0.lastVerified) })
        case "confidence": Absent.text(summary?.confidence.rawValue)
        case "stale": summary?.stale ?? false
        default: nil
        }
    }
}
