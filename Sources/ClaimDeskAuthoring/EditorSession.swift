import ClaimDeskDomain
import Foundation

/// Runs the user's editor on a claim form until it holds a valid claim or the user cancels: the form goes to a
/// private temp file, `$VISUAL`/`$EDITOR` (else `vi`) runs on it with the terminal attached, and an invalid
/// file is reopened with the errors as `# ERROR:` lines on top instead of losing the user's work.
public struct EditorSession: Sendable {
    /// The editor command as the shell sees it; it may carry arguments (`code --wait`).
    public var command: String
    /// The environment the editor runs in.
    public var environment: [String: String]
    /// Where the form file is written.
    public var directory: URL

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        directory: URL = FileManager.default.temporaryDirectory
    ) {
        self.command = EditorSession.editorCommand(environment)
        self.environment = environment
        self.directory = directory
    }

    /// `$VISUAL`, else `$EDITOR`, else `vi` — the order git and kubectl use.
    public static func editorCommand(_ environment: [String: String]) -> String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name], !value.trimmingCharacters(in: .whitespaces).isEmpty { return value }
        }
        return "vi"
    }

    /// Opens `form` until it parses into a changed claim, which it returns; throws `EditCancelled` when the user
    /// saves nothing, empties the file, gives up on errors, or the editor fails.
    public func edit(_ form: ClaimForm, context: AuthoringContext) throws -> ClaimEntry {
        let topic = context.topics.first { $0.key == form.ref.topic }
        let name = form.ref.description.map { $0.isLetter || $0.isNumber ? $0 : "-" }
        let url = directory.appendingPathComponent(
            "claimdesk-\(String(name))-\(UUID().uuidString.prefix(8).lowercased()).yaml")
        let path = url.path
        var written = try form.text(topic: topic)
        try write(written, to: path)
        var keepFile = false
        defer { if !keepFile { try? FileManager.default.removeItem(atPath: path) } }
        var problems: [Problem] = []
        while true {
            let status = try runEditor(on: path)
            guard status == 0 else { throw EditCancelled(.editorFailed(command: command, status: status)) }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw EditCancelled(.fileError(path: path, message: "could not be read back (was it deleted?)"))
            }
            if data == Data(written.utf8) {
                if problems.isEmpty { throw EditCancelled(.unchanged) }
                keepFile = true
                throw EditCancelled(.stillInvalid(keptAt: path, problems: problems))
            }
            let text = String(decoding: data, as: UTF8.self)
            if ClaimForm.isBlank(text) { throw EditCancelled(.emptied) }
            do {
                let entry = try ClaimForm.parse(data, ref: form.ref, file: form.ref.description, context: context)
                if entry == form.entry { throw EditCancelled(.unchanged) }
                return entry
            } catch let error as AuthoringError {
                problems = error.problems
                written = ClaimForm.reopened(text, errors: problems)
                try write(written, to: path)
            }
        }
    }

    private func write(_ text: String, to path: String) throws {
        let ok = FileManager.default.createFile(
            atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        if !ok {
            throw EditCancelled(.fileError(path: path, message: "could not be written (check \(directory.path))"))
        }
    }

    /// `/bin/sh -c '$EDITOR "$1"' sh FILE`: the shell splits the editor's own arguments, the file name is passed
    /// as a separate argument so no quoting in it can break out. The terminal stays attached (inherited).
    private func runEditor(on path: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(command) \"$1\"", "claimdesk-editor", path]
        process.environment = environment
        do {
            try process.run()
        } catch {
            throw EditCancelled(.editorFailed(command: command, status: 127))
        }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
