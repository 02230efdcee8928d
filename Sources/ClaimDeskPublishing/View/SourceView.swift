import ClaimDeskDomain
import Mustache

/// A cited source in a template: `{{url}}` (always shown as text), `{{href}}` (present only for http(s) URLs — the
/// only value that may go into `href`; `{{hasHref}}` says whether it is), `{{title}}`, `{{#supports}}{{.}}{{/supports}}` (or `{{oneSupport}}` / `{{manySupports}}`: one sentence inline, several as a list), `{{dated}}`,
/// `{{archivedHref}}`, `{{number}}` and `{{anchor}}` (present in the page's Sources list only).
struct SourceView: MustacheParent {
    let source: PageSource
    let number: Int
    let anchored: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "url": source.url
        case "href": SafeURL.href(source.url) ?? Absent()
        case "hasHref": SafeURL.href(source.url) != nil
        case "title": Absent.text(source.title)
        case "supports": source.supports
        // One "Supports:" per source: a single sentence inline, several as one compact list under it.
        case "oneSupport": source.supports.count == 1 ? source.supports[0] : Absent()
        case "manySupports": source.supports.count > 1 ? source.supports : []
        case "quotes": source.quotes
        case "dated": DayText.string(source.dated)
        case "archivedHref": source.archivedURL.flatMap(SafeURL.href) ?? Absent()
        case "number": number
        case "anchor": anchored ? "source-\(number)" : Absent()
        default: nil
        }
    }
}
