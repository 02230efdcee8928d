import Mustache

/// Parses Mustache text into `TemplateNode`s exactly as swift-mustache's parser does — same tags, same "standalone
/// line" rules, same whitespace — so `FastTemplates` renders the same bytes as `MustacheLibrary`.
///
/// It is a port of swift-mustache 2.x's `MustacheTemplate.parse` restricted to what the site's templates use. What it
/// does not handle (set delimiters, template inheritance, dynamic partials, indented standalone partials, sequence
/// context transforms) throws `TemplateParser.Unsupported`, and that template is then rendered by swift-mustache
/// itself: slower, never different.
struct TemplateParser {
    struct Unsupported: Error {
        let reason: String
    }

    struct Invalid: Error {
        let reason: String
    }

    private let characters: [Character]
    private var position = 0

    /// The node list of `text`.
    static func parse(_ text: String) throws -> [TemplateNode] {
        var parser = TemplateParser(characters: Array(text))
        return try parser.parseBlock(section: nil)
    }

    private init(characters: [Character]) {
        self.characters = characters
    }

    private var reachedEnd: Bool { position >= characters.count }
    private var current: Character { reachedEnd ? "\0" : characters[position] }

    private mutating func parseBlock(section: (name: String, transforms: [String])?, newLine: Bool = true) throws
        -> [TemplateNode]
    {
        var nodes: [TemplateNode] = []
        var newLine = newLine
        var whiteSpaceBefore = ""
        func flushWhiteSpace() {
            if !whiteSpaceBefore.isEmpty {
                nodes.append(.text(Array(whiteSpaceBefore.utf8)))
                whiteSpaceBefore = ""
            }
        }
        while !reachedEnd {
            if newLine { whiteSpaceBefore = read(while: { $0 == " " || $0 == "\t" }) }
            let text = try readUntilDelimiterOrNewline()
            if current.isNewline {
                nodes.append(.text(Array((whiteSpaceBefore + text + String(current)).utf8)))
                newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(Array((whiteSpaceBefore + text).utf8)))
                whiteSpaceBefore = ""
                newLine = false
            }
            if reachedEnd { break }
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let (name, transforms) = try parseName()
                if isStandalone(newLine) {
                    setNewLine = true
                } else {
                    flushWhiteSpace()
                }
                let body = try parseBlock(section: (name, transforms), newLine: setNewLine)
                let path = try Self.path(name, transforms: transforms)
                nodes.append(inverted ? .inverted(path, body: body) : .section(path, body: body))
            case "/":
                position += 1
                let (name, transforms) = try parseName()
                guard let section, name == section.name, transforms == section.transforms else {
                    throw Invalid(reason: "the closing tag {{/\(name)}} does not match its opening tag")
                }
                if isStandalone(newLine) {
                    setNewLine = true
                } else {
                    flushWhiteSpace()
                }
                return nodes
            case "!":
                position += 1
                try skipComment()
                setNewLine = isStandalone(newLine)
            case "{":
                flushWhiteSpace()
                position += 1
                let (name, transforms) = try parseName()
                guard current == "}" else { throw Invalid(reason: "{{{\(name)}} is missing a closing brace") }
                position += 1
                nodes.append(.unescaped(try Self.path(name, transforms: transforms)))
            case "&":
                flushWhiteSpace()
                position += 1
                let (name, transforms) = try parseName()
                nodes.append(.unescaped(try Self.path(name, transforms: transforms)))
            case ">":
                position += 1
                _ = read(while: \.isWhitespace)
                if current == "*" { throw Unsupported(reason: "dynamic partials") }
                let name = try parsePartialName()
                if isStandalone(newLine) {
                    guard whiteSpaceBefore.isEmpty else { throw Unsupported(reason: "indented standalone partials") }
                    setNewLine = true
                } else {
                    flushWhiteSpace()
                }
                whiteSpaceBefore = ""
                nodes.append(.partial(name))
            case "<", "$":
                throw Unsupported(reason: "template inheritance")
            case "=":
                throw Unsupported(reason: "set delimiters")
            case "%":
                position += 1
                nodes.append(.contentType(try readContentType()))
                setNewLine = isStandalone(newLine)
            default:
                flushWhiteSpace()
                let (name, transforms) = try parseName()
                nodes.append(.variable(try Self.path(name, transforms: transforms)))
            }
            newLine = setNewLine
        }
        if let section { throw Invalid(reason: "{{#\(section.name)}} is never closed") }
        return nodes
    }

    private static func path(_ name: String, transforms: [String]) throws -> TemplatePath {
        if name.isEmpty, !transforms.isEmpty { throw Unsupported(reason: "sequence context transforms") }
        return TemplatePath(name: name, transforms: transforms)
    }

    /// Text up to the next `{{` (consumed) or line break (not consumed).
    private mutating func readUntilDelimiterOrNewline() throws -> String {
        var text = ""
        while !reachedEnd {
            let character = characters[position]
            if character == "\n" || character == "\r\n" { break }
            if character == "{" {
                if position + 1 < characters.count, characters[position + 1] == "{" {
                    position += 2
                    break
                }
                text.append(character)
                position += 1
                continue
            }
            text.append(character)
            position += 1
        }
        return text
    }

    private mutating func read(while test: (Character) -> Bool) -> String {
        var text = ""
        while !reachedEnd, test(characters[position]) {
            text.append(characters[position])
            position += 1
        }
        return text
    }

    private mutating func readEndDelimiter() -> Bool {
        guard position + 1 < characters.count, characters[position] == "}", characters[position + 1] == "}" else {
            return false
        }
        position += 2
        return true
    }

    private static let nameCharacters = Set<Character>(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let nameCharactersWithoutBrackets = Set<Character>(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let partialNameCharacters = Set<Character>(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    /// A tag's name and its transforms: `empty(sources)` is `("sources", ["empty"])`, outermost first.
    private mutating func parseName() throws -> (String, [String]) {
        _ = read(while: \.isWhitespace)
        let text = read(while: { Self.nameCharacters.contains($0) })
        _ = read(while: \.isWhitespace)
        guard readEndDelimiter() else { throw Invalid(reason: "a tag near \"\(text.prefix(40))\" is not closed") }
        guard text.contains("(") || text.contains(")") else { return (text, []) }
        var transforms: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "(") {
            let name = rest[..<open]
            guard name.allSatisfy({ Self.nameCharactersWithoutBrackets.contains($0) }) else {
                throw Invalid(reason: "the tag \(text) is not a name or transform")
            }
            transforms.append(String(name))
            rest = rest[rest.index(after: open)...]
        }
        let parameter = rest.prefix(while: { Self.nameCharactersWithoutBrackets.contains($0) })
        let closing = rest.dropFirst(parameter.count)
        guard !transforms.isEmpty, closing.count == transforms.count, closing.allSatisfy({ $0 == ")" }) else {
            throw Invalid(reason: "the tag \(text) has unbalanced brackets")
        }
        return (String(parameter), transforms)
    }

    private mutating func parsePartialName() throws -> String {
        _ = read(while: \.isWhitespace)
        let text = read(while: { Self.partialNameCharacters.contains($0) })
        _ = read(while: \.isWhitespace)
        guard readEndDelimiter() else { throw Invalid(reason: "the partial tag \(text) is not closed") }
        return text
    }

    private mutating func skipComment() throws {
        while !reachedEnd {
            if readEndDelimiter() { return }
            position += 1
        }
        throw Invalid(reason: "a comment is never closed")
    }

    private mutating func readContentType() throws -> TemplateContentType {
        _ = read(while: \.isWhitespace)
        let variable = read(while: { Self.nameCharactersWithoutBrackets.contains($0) })
        _ = read(while: \.isWhitespace)
        guard current == ":" else { throw Invalid(reason: "a {{% … }} pragma is malformed") }
        position += 1
        _ = read(while: \.isWhitespace)
        let value = read(while: { Self.nameCharactersWithoutBrackets.contains($0) })
        _ = read(while: \.isWhitespace)
        guard readEndDelimiter(), variable == "CONTENT_TYPE", !value.isEmpty else {
            throw Invalid(reason: "only {{% CONTENT_TYPE: NAME }} pragmas are known")
        }
        return try TemplateContentType(named: value)
    }

    /// After a tag on a line of its own (only blanks around it), consumes the rest of the line and says so.
    private mutating func isStandalone(_ newLine: Bool) -> Bool {
        guard newLine else { return false }
        if reachedEnd { return true }
        var probe = position
        while probe < characters.count, characters[probe] == " " || characters[probe] == "\t" { probe += 1 }
        if probe < characters.count, characters[probe].isNewline {
            position = probe + 1
            return true
        }
        return false
    }
}
