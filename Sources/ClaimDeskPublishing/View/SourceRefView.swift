import Mustache

/// A footnote link from a claim to its entry in the page's Sources list: `{{number}}`, `{{anchor}}`.
final class SourceRefView: TemplateObject {
    let number: Int

    init(number: Int) {
        self.number = number
    }

    override func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .number: .int(number)
        case .anchor: .text("source-\(number)")
        default: .missing
        }
    }
}
