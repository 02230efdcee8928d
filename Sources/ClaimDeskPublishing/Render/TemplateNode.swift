/// One parsed piece of a Mustache template, as `TemplateParser` produces it and `TemplateProgram` compiles it.
indirect enum TemplateNode: Sendable {
    /// Literal text, as UTF-8.
    case text([UInt8])
    /// `{{name}}`: the value, escaped for the current content type.
    case variable(TemplatePath)
    /// `{{{name}}}` or `{{& name}}`: the value as is.
    case unescaped(TemplatePath)
    /// `{{#name}}…{{/name}}`.
    case section(TemplatePath, body: [TemplateNode])
    /// `{{^name}}…{{/name}}`.
    case inverted(TemplatePath, body: [TemplateNode])
    /// `{{> name}}` on its own line without indentation, or inline.
    case partial(String)
    /// `{{% CONTENT_TYPE: NAME }}`: how the following values of this template (and its sections) are escaped.
    case contentType(TemplateContentType)
}

/// A tag's name, split at its dots once when parsing instead of at every lookup, and its transforms (outermost first:
/// `empty(sources)` applies `empty` to `sources`).
struct TemplatePath: Sendable {
    let name: String
    let components: [String]
    let transforms: [String]
    /// `{{.}}`: the current object itself.
    let isCurrent: Bool
    /// `{{.name}}`: looked up on the current object only, never in enclosing ones.
    let isAnchored: Bool

    func copied() -> TemplatePath {
        TemplatePath(
            name: String(decoding: Array(name.utf8), as: UTF8.self),
            transforms: transforms.map { String(decoding: Array($0.utf8), as: UTF8.self) })
    }

    /// The first name of `components`, and what the renderer asks of every path, answered once when parsing.
    let first: String?
    /// `components` as view keys (nil for a name no view has).
    let keys: [TemplateKey?]
    let firstKey: TemplateKey?
    let isSingle: Bool
    let isPlain: Bool
    /// `empty(name)`: the one transform the templates use per claim.
    let isEmptyTest: Bool

    init(name: String, transforms: [String]) {
        self.name = name
        self.components = name.split(separator: ".").map(String.init)
        self.transforms = transforms
        self.isCurrent = name == "."
        self.isAnchored = !isCurrent && name.first == "."
        self.first = components.first
        self.keys = components.map { TemplateKey(rawValue: $0) }
        self.firstKey = keys.first ?? nil
        self.isSingle = components.count == 1
        self.isPlain = transforms.isEmpty
        self.isEmptyTest = transforms == ["empty"]
    }
}

/// How values are escaped: the built-in `HTML` and `TEXT` types of swift-mustache, and ClaimDesk's own
/// `CLAIMDESK_HTML` (the same five characters as `HTML`, escaped on UTF-8 bytes).
enum TemplateContentType: Int32, Sendable {
    case html
    case text
    case claimdeskHTML

    init(named name: String) throws {
        switch name {
        case "HTML": self = .html
        case "TEXT": self = .text
        case HTMLEscaping.name: self = .claimdeskHTML
        default: throw TemplateParser.Unsupported(reason: "the content type \(name)")
        }
    }
}
