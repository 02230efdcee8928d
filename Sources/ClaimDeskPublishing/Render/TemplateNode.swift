/// One parsed piece of a Mustache template, as `TemplateParser` produces it and `TemplateRenderer` renders it.
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

    /// The same node in storage of its own, for a thread that should not share reference counts with others.
    func copied() -> TemplateNode {
        switch self {
        case .text(let bytes): .text(bytes.withUnsafeBufferPointer { Array($0) })
        case .variable(let path): .variable(path.copied())
        case .unescaped(let path): .unescaped(path.copied())
        case .section(let path, let body): .section(path.copied(), body: body.map { $0.copied() })
        case .inverted(let path, let body): .inverted(path.copied(), body: body.map { $0.copied() })
        case .partial(let name): .partial(String(decoding: Array(name.utf8), as: UTF8.self))
        case .contentType(let type): .contentType(type)
        }
    }
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

    init(name: String, transforms: [String]) {
        self.name = name
        self.components = name.split(separator: ".").map(String.init)
        self.transforms = transforms
        self.isCurrent = name == "."
        self.isAnchored = !isCurrent && name.first == "."
    }
}

/// How values are escaped: the built-in `HTML` and `TEXT` types of swift-mustache, and ClaimDesk's own
/// `CLAIMDESK_HTML` (the same five characters as `HTML`, escaped on UTF-8 bytes).
enum TemplateContentType: Sendable {
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
