import ClaimDeskDomain
import Mustache

/// One "What changed" entry in `changes.mustache`: `{{day}}`, `{{material}}`, `{{correction}}` (a retraction is
/// among its items), `{{#items}}` → `{{heading}}`, `{{kind}}`, `{{text}}` (the change in plain words).
final class ChangeView: TemplateObject {
    let change: PageChange

    init(change: PageChange) {
        self.change = change
    }

    override func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .day: .text(DayText.string(change.day))
        case .seq: .text(String(change.seq))
        case .material: .bool(change.material)
        case .correction: .bool(change.items.contains { $0.kind == .retracted })
        case .items: .list(change.items.map(Item.init))
        default: .missing
        }
    }

    final class Item: TemplateObject {
        let item: PageChange.Item

        init(item: PageChange.Item) {
            self.item = item
        }

        override func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .heading: .text(item.heading)
            case .kind: .text(item.kind.rawValue)
            case .text: .text(ChangeText.sentence(item))
            default: .missing
            }
        }
    }
}
