import ClaimDeskDomain
import Mustache

/// The root object of `index.mustache`: `{{site.…}}`, `{{#tools}}` (LinkViews with category, badges, dates),
/// `{{count}}`.
struct IndexView: MustacheParent {
    let site: SiteView
    let tools: [ToolSummary]

    func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "tools": tools.map(LinkView.init)
        case "count": tools.count
        default: nil
        }
    }
}
