import ClaimDeskDomain
import Mustache

/// The root object of `tool.mustache`. Names: `{{site.…}}` (SiteView), `{{title}}`, `{{description}}`,
/// `{{#tool}}` → `{{name}} {{category}} {{slug}} {{url}} {{apiURL}} {{officialURL}} {{officialHref}}`,
/// `{{#mainBadges}}`, `{{#sections}}` and `{{#editorial}}` (ClaimViews), `{{#tierVerdicts}}` (ClaimViews with
/// `tierName`), `{{#hipaa}}` (HIPAAView), `{{lastVerified}}`, `{{confidence}}`, `{{stale}}`, `{{termsChange}}`,
/// `{{#notify}}` (NotifyView), `{{#faq}}` (FAQViews), `{{#sources}}` (SourceViews), `{{generalDisclaimer}}`,
/// `{{#otherTools}}` (LinkViews), `{{allToolsHref}}`, `{{jsonLD}}` (pre-escaped JSON; the only triple-mustache value).
final class PageView: TemplateObject {
    let page: ToolPage
    let site: SiteView
    let jsonLD: String?
    private let sourceNumbers: SourceNumbering

    init(page: ToolPage, site: SiteView, jsonLD: String?) {
        self.page = page
        self.site = site
        self.jsonLD = jsonLD
        self.sourceNumbers = SourceNumbering(page.sources)
    }

    override func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .site: .object(site)
        case .title: .text(page.title)
        case .description: .text(description)
        case .tool: .object(ToolView(tool: page.tool))
        case .mainBadges: .list(page.badges.filter { $0.section != .hipaa }.map(BadgeView.init))
        case .sections: .list(sectionViews)
        case .editorial: .list(page.editorial.map { ClaimView($0, sourceNumbers: sourceNumbers) })
        case .tierVerdicts: .list(tierViews)
        case .hipaa: page.hipaa.map { .object(HIPAAView(section: $0, sourceNumbers: sourceNumbers)) } ?? .absent
        case .lastVerified: .text(DayText.string(page.lastVerified))
        case .confidence: .text(page.confidence.rawValue)
        case .stale: .bool(page.stale)
        case .termsChange: .text(page.disclaimers.termsChange)
        case .notify:
            // No endpoint, no promise: the section shows only with a form that a service answers.
            page.notify.action.isEmpty
                ? .absent : .object(NotifyView(notify: page.notify, toolSlug: page.tool.slug.rawValue))
        case .faq: .list(page.faq.map(FAQView.init))
        case .sources: .list(sourceViews)
        case .generalDisclaimer: .text(page.disclaimers.general)
        case .otherTools: .list(page.otherTools.map(LinkView.init))
        case .allToolsHref: SafeURL.href(page.allToolsURL).map { .text($0) } ?? .absent
        case .jsonLD: .nonEmpty(jsonLD)
        case .changes: .list(page.changes.map(ChangeView.init))
        case .changesFeedHref: SafeURL.href(page.tool.url + SitePaths.toolFeedName).map { .text($0) } ?? .absent
        default: .missing
        }
    }

    /// The meta description: the first main answer's headline, which is the page's short answer.
    private var description: String {
        page.sections.first(where: { !$0.headline.isEmpty })?.headline ?? page.title
    }

    /// Built once per page: the templates ask for these lists more than once (`empty(…)`, then the section).
    /// Kept as the list the renderer takes, so handing it over converts nothing.
    private lazy var sectionViews: [TemplateObject] = page.sections.map {
        ClaimView($0, sourceNumbers: sourceNumbers)
    }
    private lazy var tierViews: [TemplateObject] = makeTierViews()
    private lazy var sourceViews: [TemplateObject] = page.sources.indices.map {
        SourceView(source: page.sources[$0], number: $0 + 1, anchored: true)
    }

    private func makeTierViews() -> [TemplateObject] {
        let topics = Set(page.tierVerdicts.map(\.claim.topic))
        return page.tierVerdicts.map {
            ClaimView(
                $0.claim, sourceNumbers: sourceNumbers, tierName: $0.tierName,
                topicHeading: topics.count > 1 ? $0.claim.heading : nil)
        }
    }
}
