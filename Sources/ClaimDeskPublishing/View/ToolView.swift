import ClaimDeskDomain
import Mustache

/// `{{#tool}}` on a page: the officialURL is always text, `officialHref` is present only for http(s) URLs.
struct ToolView: TemplateObject {
    let tool: PageTool

    func value(_ key: TemplateKey) -> TemplateValue {
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
