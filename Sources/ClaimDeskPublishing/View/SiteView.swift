import Mustache

/// Site-wide values every template can use: `{{site.title}}`, `{{site.description}}`, `{{site.lang}}`,
/// `{{site.homeURL}}`, `{{site.feedURL}}`, `{{site.apiURL}}`, `{{site.stylesheetHref}}` (the shared stylesheet, relative
/// to the page so it also works from `file://`; absent when the page should inline the CSS instead).
struct SiteView: MustacheParent {
    let config: SiteConfig
    var stylesheetHref: String? = nil

    func child(named name: String) -> Any? {
        switch name {
        case "title": config.siteTitle
        case "description": config.siteDescription
        case "lang": config.language
        case "homeURL": config.homeURL
        case "feedURL": config.feedURL
        case "apiURL": config.toolsAPIURL
        case "stylesheetHref": stylesheetHref.map { $0 as Any } ?? Absent()
        default: nil
        }
    }
}
