import ClaimDeskDomain
import Mustache

/// A badge or verdict pill in a template: `{{label}}`, `{{tone}}` (good/bad/neutral, for the CSS class), `{{topic}}`,
/// `{{verdict}}`.
struct BadgeView: MustacheParent {
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

    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "tone": tone.rawValue
        case "topic": topic
        case "verdict": verdict
        default: nil
        }
    }
}
