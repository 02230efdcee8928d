import ClaimDeskDomain
import Mustache

/// The root object of `index.mustache`: `{{site.…}}`, `{{#tools}}` (LinkViews with category, badges, dates),
/// `{{count}}`.
struct IndexView: TemplateObject {
    let site: SiteView
    let tools: [ToolSummary]

    func value(_ name: String) -> TemplateValue {
        switch name {
        case "site": .object(site)
        case "tools": .list(tools.map(LinkView.init))
        case "count": .int(tools.count)
        default: .missing
        }
    }
}
