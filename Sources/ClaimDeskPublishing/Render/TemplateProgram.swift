/// Compiled templates as one flat list of instructions over one buffer of literal text.
///
/// Walking `TemplateNode` trees cost a reference count per node and per payload — about 150 ns a node, a sixth of a
/// full export's CPU at 10,000 tools. Instructions are plain values read through a pointer: a section's body is the
/// instructions that follow it up to its end, and literal text is a range of `text`.
struct TemplateProgram: Sendable {
    struct Instruction {
        enum Kind: UInt8 {
            /// `text[a ..< a + b]`.
            case text
            /// `paths[a]`, escaped.
            case variable
            /// `paths[a]`, as is.
            case unescaped
            /// `paths[a]`; the body runs up to instruction `b`.
            case section
            case inverted
            /// The template `ranges[a]`; -1 when there is none (renders nothing), -2 when it was not compiled.
            case partial
            /// The content type whose raw value is `a`, from here on.
            case contentType
        }

        let kind: Kind
        let a: Int32
        let b: Int32
    }

    private(set) var instructions: [Instruction] = []
    private(set) var text: [UInt8] = []
    private(set) var paths: [TemplatePath] = []
    /// Each template's instructions, by name.
    private(set) var entries: [String: Range<Int>] = [:]

    /// Compiles `templates`; `uncompiled` names templates a partial tag must hand to swift-mustache.
    /// The templates' text and instructions are counted in 32 bits: `template` is the one that went past that.
    struct TooLarge: Error {
        let template: String
    }

    init(templates: [String: [TemplateNode]], uncompiled: Set<String>) throws(TooLarge) {
        var ranges: [String: Range<Int>] = [:]
        var partials: [(instruction: Int, name: String)] = []
        for name in templates.keys.sorted() {
            let start = instructions.count
            do {
                try append(templates[name] ?? [], partials: &partials)
            } catch {
                throw TooLarge(template: name)
            }
            ranges[name] = start..<instructions.count
        }
        let names = ranges.keys.sorted()
        for (index, name) in partials {
            let target: Int32 =
                if let found = names.firstIndex(of: name) { Int32(found) } else if uncompiled.contains(name) { -2 } else
                { -1 }
            instructions[index] = Instruction(kind: .partial, a: target, b: 0)
        }
        entries = ranges
        self.ranges = names.compactMap { ranges[$0] }
    }

    /// Each template's instructions in the order of their names: what partial instructions refer to.
    private(set) var ranges: [Range<Int>] = []

    private mutating func append(_ nodes: [TemplateNode], partials: inout [(instruction: Int, name: String)]) throws {
        var afterText = false
        for node in nodes {
            defer {
                if case .text = node { afterText = true } else { afterText = false }
            }
            switch node {
            case .text(let bytes):
                // Literal text right after literal text of the same list becomes one instruction.
                if afterText, let last = instructions.last, last.kind == .text, Int(last.a) + Int(last.b) == text.count
                {
                    instructions[instructions.count - 1] = Instruction(
                        kind: .text, a: last.a, b: try Self.count(Int(last.b) + bytes.count))
                } else {
                    instructions.append(
                        Instruction(kind: .text, a: try Self.count(text.count), b: try Self.count(bytes.count)))
                }
                text.append(contentsOf: bytes)
            case .variable(let path):
                instructions.append(Instruction(kind: .variable, a: try addPath(path), b: 0))
            case .unescaped(let path):
                instructions.append(Instruction(kind: .unescaped, a: try addPath(path), b: 0))
            case .section(let path, let body), .inverted(let path, let body):
                let kind: Instruction.Kind = if case .section = node { .section } else { .inverted }
                let at = instructions.count
                let pathIndex = try addPath(path)
                instructions.append(Instruction(kind: kind, a: pathIndex, b: 0))
                try append(body, partials: &partials)
                instructions[at] = Instruction(kind: kind, a: pathIndex, b: try Self.count(instructions.count))
            case .partial(let name):
                partials.append((instructions.count, name))
                instructions.append(Instruction(kind: .partial, a: -1, b: 0))
            case .contentType(let type):
                instructions.append(Instruction(kind: .contentType, a: type.rawValue, b: 0))
            }
        }
    }

    private mutating func addPath(_ path: TemplatePath) throws -> Int32 {
        paths.append(path)
        return try Self.count(paths.count - 1)
    }

    private static func count(_ value: Int) throws -> Int32 {
        guard let count = Int32(exactly: value) else {
            throw TooLarge(template: "")
        }
        return count
    }

    /// The same program in storage of its own, for a thread that should not share reference counts with others.
    func copied() -> TemplateProgram {
        var copy = self
        copy.paths = paths.map { $0.copied() }
        copy.instructions = instructions.withUnsafeBufferPointer { Array($0) }
        copy.text = text.withUnsafeBufferPointer { Array($0) }
        copy.ranges = ranges.withUnsafeBufferPointer { Array($0) }
        return copy
    }
}
