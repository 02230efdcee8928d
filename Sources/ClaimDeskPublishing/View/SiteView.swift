import Mustache

/// Site-wide values every template can use: `{{site.title}}`, `{{site.description}}`, `{{site.lang}}`,
/// `{{site.homeURL}}`, `{{site.feedURL}}`, `{{site.apiURL}}`.
struct SiteView: MustacheParent {
    let config: SiteConfig

    func child(named name: String) -> Any? {
        switch name {
        case "title": config.siteTitle
        case "description": config.siteDescription
        case "lang": config.language
        case "homeURL": config.homeURL
        case "feedURL": config.feedURL
        case "apiURL": config.toolsAPIURL
        default: nil
        }
    }
}
