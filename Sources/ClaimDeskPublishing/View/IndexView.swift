import ClaimDeskDomain
import Mustache

/// The root object of `index.mustache`: `{{site.…}}`, `{{#tools}}` (LinkViews with category, badges, dates),
/// `{{count}}`.
struct IndexView: TemplateObject {
    let site: SiteView
    let tools: [ToolSummary]

    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .site: .object(site)
        case .tools: .list(tools.map(LinkView.init))
        case .count: .int(tools.count)
        default: .missing
        }
    }
}
