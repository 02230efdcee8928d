import ClaimDeskDomain
import Mustache

/// One "What changed" entry in `changes.mustache`: `{{day}}`, `{{material}}`, `{{correction}}` (a retraction is
/// among its items), `{{#items}}` → `{{heading}}`, `{{kind}}`, `{{text}}` (the change in plain words).
struct ChangeView: MustacheParent {
    let change: PageChange

    func child(named name: String) -> Any? {
        switch name {
        case "day": DayText.string(change.day)
        case "seq": String(change.seq)
        case "material": change.material
        case "correction": change.items.contains { $0.kind == .retracted }
        case "items": change.items.map(Item.init)
        default: nil
        }
    }

    struct Item: MustacheParent {
        let item: PageChange.Item

        func child(named name: String) -> Any? {
            switch name {
            case "heading": item.heading
            case "kind": item.kind.rawValue
            case "text": ChangeText.sentence(item)
            default: nil
            }
        }
    }
}
