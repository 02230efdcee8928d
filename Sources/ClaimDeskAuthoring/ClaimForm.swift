import ClaimDeskDomain
import Foundation

/// One claim as a YAML form for `claim edit` in `$EDITOR`: the revision's content below a comment header that
/// explains each field and lists the topic's verdicts, so nobody needs the docs open to edit a claim.
public struct ClaimForm: Hashable, Sendable {
    /// What the form was made from; an edit that parses back to this changed nothing.
    public var entry: ClaimEntry
    /// Says which revision is being edited, e.g. "revision 2 (draft, version 3) by ed".
    public var revisionNote: String

    public init(entry: ClaimEntry, revisionNote: String = "a new draft") {
        self.entry = entry
        self.revisionNote = revisionNote
    }

    /// The form of a revision; editing it changes the open draft, or starts one from a live revision.
    public init(revision: Revision) {
        let note: String
        switch revision.state {
        case .draft: note = "revision \(revision.number) (draft, version \(revision.version)) by \(revision.author)"
        case .reviewed:
            note = "revision \(revision.number) (reviewed: saving a change voids the approval)"
        case .published: note = "live revision \(revision.number) (saving starts a new draft; the live one stays live)"
        default: note = "revision \(revision.number) (\(revision.state.rawValue))"
        }
        self.init(entry: ClaimEntry(revision), revisionNote: note)
    }

    public var ref: ClaimRef { entry.ref }

    /// Marks the error lines a reopened form carries on top; they are dropped when the form is read back.
    static let errorPrefix = "# ERROR: "

    /// The text the editor opens: `errors` (from the previous attempt) on top, the header, then the fields.
    public func text(topic: Topic?, errors: [Problem] = []) throws -> String {
        let verdictWanted = !(topic?.verdicts.isEmpty ?? true)
        let fields = try YAMLNodes.serialize(
            entry.yamlNode(includingRef: false, alwaysBody: true, verdictWanted: verdictWanted))
        return ClaimForm.errorLines(errors) + header(topic: topic) + "\n" + fields
    }

    static func errorLines(_ errors: [Problem]) -> String {
        guard !errors.isEmpty else { return "" }
        let lines = errors.map { problem in
            errorPrefix + (problem.path.isEmpty ? problem.message : "\(problem.path) \(problem.message)")
        }
        return lines.joined(separator: "\n")
            + "\n# Fix the lines above (they are removed when you save), or empty the file to cancel.\n#\n"
    }

    private func header(topic: Topic?) -> String {
        var lines = [
            "claimdesk claim edit \(ref) — \(revisionNote)",
            "Change the fields below, then save and close the editor. Leave the file unchanged, or delete",
            "everything, to cancel. Lines starting with # are ignored.",
            "",
        ]
        if let topic, !topic.verdicts.isEmpty {
            lines.append("verdict      one of:")
            let width = topic.verdicts.map(\.key.rawValue.count).max() ?? 0
            lines += topic.verdicts.map { verdict in
                let key = verdict.key.rawValue
                return "               " + key + String(repeating: " ", count: width - key.count) + "  \(verdict.label)"
            }
        } else if let topic {
            lines.append("verdict      none: topic \(topic.key) is prose only, so leave it out")
        }
        lines += [
            "headline     the short answer, up to 500 characters",
            "body         the detail; for several lines write `body: |` and indent the text below it",
            "confidence   low, medium or high",
            "verified     the day it was checked, YYYY-MM-DD, not in the future",
            "verified_by  who checked it (optional)",
            "citations    a list; each needs url (http or https), supports (what the source backs up, one",
            "             sentence) and dated (YYYY-MM-DD), and may have title, archived_url and quote",
            "             (the exact words of the source that support the claim; the watcher checks them).",
            "             Remove an item to uncite it.",
        ]
        return lines.map { $0.isEmpty ? "#" : "# \($0)" }.joined(separator: "\n") + "\n"
    }

    /// Reads an edited form back, reporting every problem; `file` names it in messages.
    public static func parse(_ data: Data, ref: ClaimRef, file: String, context: AuthoringContext)
        throws(AuthoringError) -> ClaimEntry
    {
        let consequence = "the claim was not changed"
        let root = try AuthoringParser.tree(data, file: file, format: .yaml, consequence: consequence)
        var validator = DocumentValidator(file: file, context: context)
        guard let root else {
            validator.report(nil, "", "is empty; fill in the claim's fields")
            throw AuthoringError(file: file, problems: validator.problems.inFileOrder(), consequence: consequence)
        }
        let entry = validator.fields(root, path: "", what: "the claim form", allowed: DocumentValidator.formKeys)
            .flatMap { validator.claim($0, ref: ref) }
        guard let entry, validator.problems.isEmpty else {
            throw AuthoringError(file: file, problems: validator.problems.inFileOrder(), consequence: consequence)
        }
        return entry
    }

    /// True when nothing but blank lines and comments is left: the editor's way of saying "cancel".
    static func isBlank(_ text: String) -> Bool {
        text.split(whereSeparator: \.isNewline).allSatisfy { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty || trimmed.hasPrefix("#")
        }
    }

    /// The user's text with the previous attempt's error lines removed and the new ones on top.
    static func reopened(_ text: String, errors: [Problem]) -> String {
        var lines = text.components(separatedBy: "\n")
        if let end = lines.firstIndex(where: { $0.hasPrefix("# Fix the lines above") }),
            lines[..<end].allSatisfy({ $0.hasPrefix(errorPrefix) })
        {
            lines.removeFirst(end + 1)
            if lines.first == "#" { lines.removeFirst() }
        }
        return errorLines(errors) + lines.joined(separator: "\n")
    }
}
