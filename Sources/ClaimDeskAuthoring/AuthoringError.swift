import Foundation

/// Everything wrong with an authoring file or form, reported at once so that one round of fixes is enough.
/// Nothing is written when it is thrown.
public struct AuthoringError: Error, LocalizedError, CustomStringConvertible, Sendable {
    public var file: String
    public var problems: [Problem]
    /// What did not happen because of the problems, e.g. "nothing was imported".
    public var consequence: String

    public init(file: String, problems: [Problem], consequence: String = "nothing was imported") {
        self.file = file
        self.problems = problems
        self.consequence = consequence
    }

    /// `deepseek.yaml: 3 problems; nothing was imported.`
    public var summary: String {
        "\(file): \(problems.count) \(problems.count == 1 ? "problem" : "problems"); \(consequence)."
    }

    /// The summary, then one line per problem.
    public var description: String {
        ([summary] + problems.map(\.description)).joined(separator: "\n")
    }

    public var errorDescription: String? { description }
}
