import Foundation

/// Input that cannot be accepted, said the way the user should read it: the item, what is wrong, what to do.
public struct ValidationError: Error, Hashable, Sendable, LocalizedError, CustomStringConvertible {
    public var item: String
    public var problem: String
    public var fix: String

    public init(item: String, problem: String, fix: String) {
        self.item = item
        self.problem = problem
        self.fix = fix
    }

    /// One line however long the input was: an item echoes at most 80 characters of it, a problem at most 240.
    public var description: String { "\(Self.clip(item, 80)): \(Self.clip(problem, 240)); \(fix)." }

    static func clip(_ text: String, _ limit: Int) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > limit else { return text }
        return String(String.UnicodeScalarView(scalars.prefix(limit - 20))) + "…"
    }
    public var errorDescription: String? { description }
}
