import Foundation

/// A failure found by the CLI itself, phrased like the others: what went wrong, with which item, what to do.
struct CLIError: Error, LocalizedError, CustomStringConvertible {
    var status: ExitStatus
    var message: String

    init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    var description: String { message }
    var errorDescription: String? { message }
}
