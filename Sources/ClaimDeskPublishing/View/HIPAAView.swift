import ClaimDeskDomain
import Mustache

/// The HIPAA block in a template: `{{heading}}`, `{{#badges}}`, `{{#claims}}` (ClaimViews), `{{#sources}}`
/// (SourceViews without anchors), `{{verifiedOn}}`, `{{disclaimer}}`.
final class HIPAAView: TemplateObject {
    let section: HIPAASection
    let sourceNumbers: SourceNumbering

    init(section: HIPAASection, sourceNumbers: SourceNumbering) {
        self.section = section
        self.sourceNumbers = sourceNumbers
    }

    override func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .heading: .text(section.heading)
        case .badges: .list(section.badges.map(BadgeView.init))
        case .claims: .list(section.claims.map { ClaimView($0, sourceNumbers: sourceNumbers) })
        case .sources:
            .list(
                section.sources.map {
                    SourceView(source: $0, number: sourceNumbers.number(of: $0.url) ?? 0, anchored: false)
                })
        case .verifiedOn: .text(DayText.string(section.verifiedOn))
        case .disclaimer: .text(section.disclaimer)
        default: .missing
        }
    }
}
