import Foundation

/// An edit in `$EDITOR` that ended without a change to save — the `git commit` / `kubectl edit` habit of
/// cancelling by saving nothing. Nothing was written to the database when it is thrown.
public struct EditCancelled: Error, LocalizedError, CustomStringConvertible, Sendable {
    public enum Reason: Hashable, Sendable {
        /// The file was saved exactly as it was opened (or only its comments changed).
        case unchanged
        /// Everything but comments was deleted.
        case emptied
        /// The editor exited with a non-zero status.
        case editorFailed(command: String, status: Int32)
        /// After errors were shown, the file was saved again without a fix; the text is kept at `keptAt`.
        case stillInvalid(keptAt: String, problems: [Problem])
        /// The form could not be written or read back.
        case fileError(path: String, message: String)
    }

    public var reason: Reason

    public init(_ reason: Reason) {
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .unchanged: return "Edit cancelled: the file was left unchanged, so nothing was saved."
        case .emptied: return "Edit cancelled: the file was emptied, so nothing was saved."
        case .editorFailed(let command, let status):
            return "Edit cancelled: the editor (\(command)) exited with status \(status), so nothing was saved. "
                + "Set VISUAL or EDITOR to an editor that exits with 0 after saving."
        case .stillInvalid(let path, let problems):
            let first =
                problems.first.map { " First problem: \($0.path.isEmpty ? "" : "\($0.path) ")\($0.message)." } ?? ""
            return "Edit cancelled: the file was saved again with \(problems.count) "
                + "\(problems.count == 1 ? "problem" : "problems") unfixed, so nothing was saved.\(first) "
                + "Your text is kept in \(path)."
        case .fileError(let path, let message):
            return "Edit cancelled: the form file \(path) \(message), so nothing was saved."
        }
    }

    public var errorDescription: String? { description }
}
