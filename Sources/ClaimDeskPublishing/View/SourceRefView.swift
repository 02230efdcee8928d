import Mustache

/// A footnote link from a claim to its entry in the page's Sources list: `{{number}}`, `{{anchor}}`.
struct SourceRefView: TemplateObject {
    let number: Int

    func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .number: .int(number)
        case .anchor: .text("source-\(number)")
        default: .missing
        }
    }
}
