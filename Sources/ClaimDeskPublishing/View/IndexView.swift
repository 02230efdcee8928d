import ClaimDeskDomain
import Mustache

/// The root object of `index.mustache`: `{{site.…}}`, `{{#tools}}` (LinkViews with category, badges, dates),
/// `{{count}}`.
final class IndexView: TemplateObject {
    let site: SiteView
    let tools: [ToolSummary]

    init(site: SiteView, tools: [ToolSummary]) {
        self.site = site
        self.tools = tools
    }

    override func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .site: .object(site)
        case .tools: .list(tools.map(LinkView.init))
        case .count: .int(tools.count)
        default: .missing
        }
    }
}
