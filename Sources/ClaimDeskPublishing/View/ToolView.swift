import ClaimDeskDomain
import Mustache

/// `{{#tool}}` on a page: the officialURL is always text, `officialHref` is present only for http(s) URLs.
final class ToolView: TemplateObject {
    let tool: PageTool

    init(tool: PageTool) {
        self.tool = tool
    }

    override func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .name: .text(tool.name)
        case .slug: .text(tool.slug.rawValue)
        case .category: .text(tool.category)
        case .url: .text(tool.url)
        case .apiURL: .text(tool.apiURL)
        case .officialURL: .text(tool.officialURL)
        case .officialHref: SafeURL.href(tool.officialURL).map { .text($0) } ?? .absent
        default: .missing
        }
    }
}
