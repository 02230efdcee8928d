import ClaimDeskDomain
import Mustache

/// The HIPAA block in a template: `{{heading}}`, `{{#badges}}`, `{{#claims}}` (ClaimViews), `{{#sources}}`
/// (SourceViews without anchors), `{{verifiedOn}}`, `{{disclaimer}}`.
struct HIPAAView: MustacheParent {
    let section: HIPAASection
    let sourceNumbers: [String: Int]

    func child(named name: String) -> Any? {
        switch name {
        case "heading": section.heading
        case "badges": section.badges.map(BadgeView.init)
        case "claims": section.claims.map { ClaimView($0, sourceNumbers: sourceNumbers) }
        case "sources":
            section.sources.map { SourceView(source: $0, number: sourceNumbers[$0.url] ?? 0, anchored: false) }
        case "verifiedOn": DayText.string(section.verifiedOn)
        case "disclaimer": section.disclaimer
        default: nil
        }
    }
}
