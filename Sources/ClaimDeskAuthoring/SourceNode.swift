/// A parsed YAML or JSON value with the line it starts on, so that validation reports lines the same way
/// whichever format the file was written in.
enum SourceNode {
    case scalar(SourceScalar)
    case sequence([SourceNode], line: Int?)
    case mapping([SourceEntry], line: Int?)

    var line: Int? {
        switch self {
        case .scalar(let scalar): scalar.line
        case .sequence(_, let line), .mapping(_, let line): line
        }
    }

    /// How the value is described in a "must be …, not …" message.
    var kindDescription: String {
        switch self {
        case .scalar(let scalar): scalar.kind.description
        case .sequence: "a list"
        case .mapping: "a mapping (key: value pairs)"
        }
    }
}

/// A scalar's source text and what kind of value the format says it is.
struct SourceScalar {
    enum Kind: CustomStringConvertible {
        /// A JSON string, or any YAML scalar that is not null: YAML text is taken as written.
        case text
        /// A JSON number.
        case number
        /// A JSON true or false.
        case bool
        /// JSON null, or YAML `~`, `null` or nothing at all.
        case null

        var description: String {
            switch self {
            case .text: "text"
            case .number: "a number"
            case .bool: "true/false"
            case .null: "empty"
            }
        }
    }

    var text: String
    var kind: Kind
    var line: Int?
}

/// One `key: value` of a mapping, with the key's own line (where an unknown key is reported).
struct SourceEntry {
    var key: String
    var keyLine: Int?
    var value: SourceNode
}
