import Mustache

/// What a view gives the renderer for one name, typed so that a lookup needs no dynamic cast: casting `Any` back to
/// strings, booleans and views was most of what rendering a page cost.
enum TemplateValue {
    /// The name is not this object's: Mustache looks in the enclosing objects.
    case missing
    /// The object has the name but nothing in it (`Absent`): renders as nothing, false in sections.
    case absent
    case text(String)
    case bool(Bool)
    case int(Int)
    case object(TemplateObject)
    case list([TemplateObject])
    case texts([String])

    /// `.absent` for nil or an empty string, which Mustache would otherwise render or treat as true.
    static func nonEmpty(_ value: String?) -> TemplateValue {
        guard let value, !value.isEmpty else { return .absent }
        return .text(value)
    }

    /// The value as swift-mustache sees it: for its own renderer and for transforms.
    var any: Any? {
        switch self {
        case .missing: nil
        case .absent: Absent()
        case .text(let value): value
        case .bool(let value): value
        case .int(let value): value
        case .object(let value): value
        case .list(let value): value
        case .texts(let value): value
        }
    }
}
