import ClaimDeskDomain
import Mustache

/// A FAQ entry in a template: `{{question}}`, `{{answer}}`.
final class FAQView: TemplateObject {
    let entry: FAQEntry

    init(entry: FAQEntry) {
        self.entry = entry
    }

    override func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .question: .text(entry.question)
        case .answer: .text(entry.answer)
        default: .missing
        }
    }
}
