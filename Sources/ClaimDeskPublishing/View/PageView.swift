import ClaimDeskDomain
import Mustache

/// The root object of `tool.mustache`. Names: `{{site.…}}` (SiteView), `{{title}}`, `{{description}}`,
/// `{{#tool}}` → `{{name}} {{category}} {{slug}} {{url}} {{apiURL}} {{officialURL}} {{officialHref}}`,
/// `{{#mainBadges}}`, `{{#sections}}` and `{{#editorial}}` (ClaimViews), `{{#tierVerdicts}}` (ClaimViews with
/// `tierName`), `{{#hipaa}}` (HIPAAView), `{{lastVerified}}`, `{{confidence}}`, `{{stale}}`, `{{termsChange}}`,
/// `{{#notify}}` (NotifyView), `{{#faq}}` (FAQViews), `{{#sources}}` (SourceViews), `{{generalDisclaimer}}`,
/// `{{#otherTools}}` (LinkViews), `{{allToolsHref}}`, `{{jsonLD}}` (pre-escaped JSON; the only triple-mustache value).
struct PageView: MustacheParent {
    let page: ToolPage
    let site: SiteView
    let jsonLD: String?
    private let sourceNumbers: [String: Int]

    init(page: ToolPage, site: SiteView, jsonLD: String?) {
        self.page = page
        self.site = site
        self.jsonLD = jsonLD
        var numbers: [String: Int] = [:]
        for (index, source) in page.sources.enumerated() where numbers[source.url] == nil {
            numbers[source.url] = index + 1
        }
        self.sourceNumbers = numbers
    }

    func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "title": page.title
        case "description": description
        case "tool": ToolView(tool: page.tool)
        case "mainBadges": page.badges.filter { $0.section != .hipaa }.map(BadgeView.init)
        case "sections": page.sections.map { ClaimView($0, sourceNumbers: sourceNumbers) }
        case "editorial": page.editorial.map { ClaimView($0, sourceNumbers: sourceNumbers) }
        case "tierVerdicts": tierViews
        case "hipaa": page.hipaa.map { HIPAAView(section: $0, sourceNumbers: sourceNumbers) } ?? Absent()
        case "lastVerified": DayText.string(page.lastVerified)
        case "confidence": page.confidence.rawValue
        case "stale": page.stale
        case "termsChange": page.disclaimers.termsChange
        case "notify":
            // No endpoint, no promise: the section shows only with a form that a service answers.
            page.notify.action.isEmpty ? Absent() : NotifyView(notify: page.notify, toolSlug: page.tool.slug.rawValue)
        case "faq": page.faq.map(FAQView.init)
        case "sources":
            page.sources.enumerated().map { SourceView(source: $1, number: $0 + 1, anchored: true) }
        case "generalDisclaimer": page.disclaimers.general
        case "otherTools": page.otherTools.map(LinkView.init)
        case "allToolsHref": SafeURL.href(page.allToolsURL) ?? Absent()
        case "jsonLD": Absent.text(jsonLD)
        case "changes": page.changes.map(ChangeView.init)
        case "changesFeedHref": SafeURL.href(page.tool.url + SitePaths.toolFeedName) ?? Absent()
        default: nil
        }
    }

    /// The meta description: the first main answer's headline, which is the page's short answer.
    private var description: String {
        page.sections.first(where: { !$0.headline.isEmpty })?.headline ?? page.title
    }

    private var tierViews: [ClaimView] {
        let topics = Set(page.tierVerdicts.map(\.claim.topic))
        return page.tierVerdicts.map {
            ClaimView(
                $0.claim, sourceNumbers: sourceNumbers, tierName: $0.tierName,
                topicHeading: topics.count > 1 ? $0.claim.heading : nil)
        }
    }
}
