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

    public var description: String { "\(item): \(problem); \(fix)." }
    public var errorDescription: String? { description }
}
