import ClaimDeskDomain
import Mustache

/// A FAQ entry in a template: `{{question}}`, `{{answer}}`.
struct FAQView: MustacheParent {
    let entry: FAQEntry

    func child(named name: String) -> Any? {
        switch name {
        case "question": entry.question
        case "answer": entry.answer
        default: nil
        }
    }
}
