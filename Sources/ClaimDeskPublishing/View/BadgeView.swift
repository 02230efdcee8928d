import ClaimDeskDomain
import Mustache

/// A badge or verdict pill in a template: `{{label}}`, `{{tone}}` (good/bad/neutral, for the CSS class), `{{topic}}`,
/// `{{verdict}}`.
final class BadgeView: TemplateObject {
    let label: String
    let tone: Tone
    let topic: String
    let verdict: String

    init(_ badge: Badge) {
        label = badge.label
        tone = badge.tone
        topic = badge.topic.rawValue
        verdict = badge.verdict.rawValue
    }

    init(_ verdict: PageVerdict, topic: TopicKey) {
        label = verdict.label
        tone = verdict.tone
        self.topic = topic.rawValue
        self.verdict = verdict.key.rawValue
    }

    override func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .label: .text(label)
        case .tone: .text(tone.rawValue)
        case .topic: .text(topic)
        case .verdict: .text(verdict)
        default: .missing
        }
    }
}
