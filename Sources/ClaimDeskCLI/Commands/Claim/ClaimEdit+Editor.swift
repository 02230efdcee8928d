import ClaimDeskAuthoring
import ClaimDeskDomain
import ClaimDeskStore
import Foundation

/// `claim edit REF` with no content flags: the `git commit` / `kubectl edit` habit. The open revision (or the
/// live one, which then becomes a new draft) opens in `$VISUAL`/`$EDITOR` as a YAML form; an invalid save
/// reopens it with the errors on top; saving it unchanged or empty cancels.
extension ClaimDesk.Claim.Edit {
    struct Cancelled: Encodable {
        var changed = false
        var cancelled: String
    }

    /// Without flags the command needs an editor: refused up front (before connecting) when `--base` is given
    /// (the form checks the revision itself) or when no editor can run (no terminal, no VISUAL or EDITOR).
    func validateEditor(_ ref: ClaimRef) throws {
        if base != nil {
            throw UsageError(
                "claim edit \(ref): --base goes with content flags; without them the $EDITOR form starts from the "
                    + "current revision and checks it itself")
        }
        let configured = EditorSession.editorCommand(ProcessInfo.processInfo.environment) != "vi"
        if !configured, isatty(STDIN_FILENO) != 1 {
            throw UsageError(
                "claim edit \(ref): without flags it opens $EDITOR, but standard input is not a terminal and neither "
                    + "VISUAL nor EDITOR is set; set one, or say what to change with --verdict, --headline, --body, "
                    + "--body-file, --confidence, --verified or --verified-by")
        }
    }

    func runInEditor() throws {
        let ref = try Input.ref(ref)
        let store = try global.openStore()
        let status = try store.claim(ref)
        guard let current = status.open ?? status.live else {
            throw CLIError(
                .notFound, "\(ref) has no open or live revision to edit; start one with claimdesk claim draft \(ref).")
        }
        let entry: ClaimEntry
        do {
            entry = try EditorSession()
                .edit(ClaimForm(revision: current), context: AuthoringContext(topics: try store.topics()))
        } catch let cancelled as EditCancelled {
            switch cancelled.reason {
            case .unchanged, .emptied:
                try global.emit(Cancelled(cancelled: cancelled.description)) { cancelled.description }
                return
            case .stillInvalid:
                throw CLIError(.invalid, cancelled.description)
            case .editorFailed, .fileError:
                throw CLIError(.failure, cancelled.description)
            }
        }
        let (revision, _) = try store.save(entry, base: (current.id, current.version))
        try global.emit(Result(changed: true, revision: revision)) {
            "Edited \(ref) \(RevisionText.summary(revision)). Next: ask a reviewer to approve it "
                + "(claimdesk review approve \(ref))."
        }
    }
}
