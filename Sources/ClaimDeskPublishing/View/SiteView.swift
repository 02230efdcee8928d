import Mustache

/// Site-wide values every template can use: `{{site.title}}`, `{{site.description}}`, `{{site.lang}}`,
/// `{{site.homeURL}}`, `{{site.feedURL}}`, `{{site.apiURL}}`, `{{site.stylesheetHref}}` (the shared stylesheet, relative
/// to the page so it also works from `file://`; absent when the page should inline the CSS instead).
/// Immutable: shared by every rendering thread.
final class SiteView: TemplateObject, @unchecked Sendable {
    let config: SiteConfig
    let stylesheetHref: String?

    init(config: SiteConfig, stylesheetHref: String? = nil) {
        self.config = config
        self.stylesheetHref = stylesheetHref
    }

    override func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .title: .text(config.siteTitle)
        case .description: .text(config.siteDescription)
        case .lang: .text(config.language)
        case .homeURL: .text(config.homeURL)
        case .feedURL: .text(config.feedURL)
        case .apiURL: .text(config.toolsAPIURL)
        case .stylesheetHref: stylesheetHref.map { .text($0) } ?? .absent
        default: .missing
        }
    }
}
