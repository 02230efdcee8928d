/// One thing wrong with an authoring file, located so that an editor can jump to it: the file, the line when
/// known, the path of the field (`claims[3].verdict`), and a message saying what is wrong and what is allowed.
public struct Problem: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based line in the file; nil when the problem concerns the file as a whole or the line is unknown.
    public var line: Int?
    /// Where in the document: `claims[3].verdict`, `tools[0]`; empty for the file as a whole.
    public var path: String
    public var message: String

    public init(file: String, line: Int? = nil, path: String = "", message: String) {
        self.file = file
        self.line = line
        self.path = path
        self.message = message
    }

    /// `line 14, claims[3].verdict` — the human form of where the problem is.
    public var location: String {
        [line.map { "line \($0)" }, path.isEmpty ? nil : path].compactMap { $0 }.joined(separator: ", ")
    }

    /// `deepseek.yaml:14: claims[3].verdict "yes" is not a verdict …`, the compiler-style form editors can jump to.
    public var description: String {
        let position = line.map { "\(file):\($0):" } ?? "\(file):"
        return path.isEmpty ? "\(position) \(message)" : "\(position) \(path) \(message)"
    }
}

extension [Problem] {
    /// In file order, as a compiler lists them: whole-file problems first, then by line; ties keep the order found.
    func inFileOrder() -> [Problem] {
        enumerated().sorted { a, b in (a.element.line ?? 0, a.offset) < (b.element.line ?? 0, b.offset) }.map(\.element)
    }
}

/// Carries one problem through a `Result` when parsing cannot go on (malformed, binary, too large).
struct SingleProblem: Error {
    var problem: Problem

    init(_ problem: Problem) {
        self.problem = problem
    }

    init(file: String, line: Int? = nil, message: String) {
        self.problem = Problem(file: file, line: line, message: message)
    }
}
