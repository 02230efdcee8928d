import ClaimDeskDomain
import Mustache

/// A cited source in a template: `{{url}}` (always shown as text), `{{href}}` (present only for http(s) URLs — the
/// only value that may go into `href`; `{{hasHref}}` says whether it is), `{{title}}`, `{{#supports}}{{.}}{{/supports}}` (or `{{oneSupport}}` / `{{manySupports}}`: one sentence inline, several as a list), `{{dated}}`,
/// `{{archivedHref}}`, `{{number}}` and `{{anchor}}` (present in the page's Sources list only).
final class SourceView: TemplateObject {
    let source: PageSource
    let number: Int
    let anchored: Bool

    init(source: PageSource, number: Int, anchored: Bool) {
        self.source = source
        self.number = number
        self.anchored = anchored
    }

    /// Checked once per source: the template asks `hasHref` twice and `href` once, for every source of every page.
    private lazy var href: String? = SafeURL.href(source.url)

    override func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .url: .text(source.url)
        case .href: href.map { .text($0) } ?? .absent
        case .hasHref: .bool(href != nil)
        case .title: .nonEmpty(source.title)
        case .supports: .texts(source.supports)
        // One "Supports:" per source: a single sentence inline, several as one compact list under it.
        case .oneSupport: source.supports.count == 1 ? .text(source.supports[0]) : .absent
        case .manySupports: .texts(source.supports.count > 1 ? source.supports : [])
        case .quotes: .texts(source.quotes)
        case .dated: .text(DayText.string(source.dated))
        case .archivedHref: source.archivedURL.flatMap(SafeURL.href).map { .text($0) } ?? .absent
        case .number: .int(number)
        case .anchor: anchored ? .text("source-\(number)") : .absent
        default: .missing
        }
    }
}
