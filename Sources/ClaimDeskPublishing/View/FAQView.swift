import ClaimDeskDomain
import Mustache

/// A FAQ entry in a template: `{{question}}`, `{{answer}}`.
struct FAQView: TemplateObject {
    let entry: FAQEntry

    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .question: .text(entry.question)
        case .answer: .text(entry.answer)
        default: .missing
        }
    }
}
