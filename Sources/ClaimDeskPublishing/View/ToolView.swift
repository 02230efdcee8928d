import ClaimDeskDomain
import Mustache

/// `{{#tool}}` on a page: the officialURL is always text, `officialHref` is present only for http(s) URLs.
struct ToolView: MustacheParent {
    let tool: PageTool

    func child(named name: String) -> Any? {
        switch name {
        case "name": tool.name
        case "slug": tool.slug.rawValue
        case "category": tool.category
        case "url": tool.url
        case "apiURL": tool.apiURL
        case "officialURL": tool.officialURL
        case "officialHref": SafeURL.href(tool.officialURL) ?? Absent()
        default: nil
        }
    }
}
