import ClaimDeskAuthoring
import ClaimDeskDomain
import ClaimDeskStore
import ClaimDeskTestSupport
import Foundation
import Testing

/// `claim edit` in $EDITOR, driven by scripted editors: shell scripts that rewrite the form with sed.
@Suite("Editing a claim in $EDITOR")
struct EditorSessionTests {
    /// A scratch directory holding the editor script, its invocation counter and copies of what it was shown.
    final class Scratch {
        let url: URL

        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("claimdesk-editor-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: url) }

        /// Writes an editor script; on each run it counts itself and keeps a copy of the file it was given.
        func editor(_ body: String) throws -> String {
            let path = url.appendingPathComponent("editor.sh").path
            let script = """
                #!/bin/sh
                n=$(cat "\(url.path)/count" 2>/dev/null || echo 0)
                n=$((n + 1))
                echo "$n" > "\(url.path)/count"
                cp "$1" "\(url.path)/seen.$n"
                \(body)

                """
            try Data(script.utf8).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
            return path
        }

        var count: Int {
            Int(
                (try? String(contentsOfFile: url.appendingPathComponent("count").path, encoding: .utf8))?
                    .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
        }

        func seen(_ n: Int) -> String {
            (try? String(contentsOfFile: url.appendingPathComponent("seen.\(n)").path, encoding: .utf8)) ?? ""
        }

        /// A session whose editor is `command`, writing its form into this directory.
        func session(_ command: String) -> EditorSession {
            EditorSession(environment: ["EDITOR": command, "PATH": "/usr/bin:/bin"], directory: url)
        }

        /// Form files left in the directory (the editor's copies excluded).
        var forms: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter {
                $0.hasPrefix("claimdesk-")
            }
        }
    }

    /// A published sample and the form of its training claim, as `claim edit deepseek:training` would open it.
    func published() throws -> (AuthoringFixture, ClaimForm, Revision, AuthoringContext) {
        let f = try AuthoringFixture()
        try f.importFile(try AuthoringFixture.sample(), as: f.adminEditor)
        try f.approveAndPublishAll()
        let store = try f.store(f.editor)
        let live = try #require(try store.claim(AuthoringFixture.training).live)
        return (f, ClaimForm(revision: live), live, try f.context(store))
    }

    @Test("a valid edit saves a new draft; the live revision stays live")
    func validEdit() throws {
        let (f, form, live, context) = try published()
        let scratch = try Scratch()
        let editor = try scratch.editor(#"sed -i 's/^confidence: medium/confidence: high/' "$1""#)
        let entry = try scratch.session(editor).edit(form, context: context)
        #expect(scratch.count == 1)
        #expect(scratch.seen(1).contains("# claimdesk claim edit deepseek:training — live revision 1"))
        #expect(scratch.seen(1).contains("#                trains_by_default      Trains by default\n"))
        #expect(entry.confidence == .high)
        #expect(scratch.forms.isEmpty)
        let store = try f.store(f.editor)
        let (saved, outcome) = try store.save(entry, base: (live.id, live.version))
        #expect(outcome == .updated && saved.state == .draft && saved.number == 2)
        let status = try store.claim(AuthoringFixture.training)
        #expect(status.live == live)
        #expect(status.open?.confidence == .high)
        #expect(status.open?.citations == live.citations)
    }

    @Test("an invalid edit reopens the editor with the errors on top; the fixed file is saved")
    func invalidThenValid() throws {
        let (_, form, _, context) = try published()
        let scratch = try Scratch()
        let editor = try scratch.editor(
            """
            if [ "$n" = 1 ]; then
              sed -i -e 's/^confidence: medium/confidence: sure/' -e 's/^verified: .*/verified: 2026-02-30/' "$1"
            else
              sed -i -e 's/^confidence: sure/confidence: high/' -e 's/^verified: .*/verified: 2026-06-02/' "$1"
            fi
            """)
        let entry = try scratch.session(editor).edit(form, context: context)
        #expect(scratch.count == 2)
        let second = scratch.seen(2)
        #expect(
            second.hasPrefix(
                """
                # ERROR: confidence "sure" is not a confidence; expected one of low, medium, high
                # ERROR: verified "2026-02-30" is not a real date; write it as YYYY-MM-DD, e.g. 2026-06-01
                # Fix the lines above
                """))
        #expect(second.contains("confidence: sure"))
        #expect(entry.confidence == .high)
        #expect(entry.verified == Day("2026-06-02"))
        #expect(scratch.forms.isEmpty)
    }

    @Test("a file left unchanged cancels the edit, and nothing is written")
    func unchangedCancels() throws {
        let (f, form, _, context) = try published()
        let before = try f.db.snapshot()
        let scratch = try Scratch()
        let cancelled = try #require(throws: EditCancelled.self) {
            try scratch.session(try scratch.editor("true")).edit(form, context: context)
        }
        #expect(cancelled.reason == .unchanged)
        #expect(cancelled.description == "Edit cancelled: the file was left unchanged, so nothing was saved.")
        // Only a comment touched: the claim is still the same.
        let comment = try #require(throws: EditCancelled.self) {
            try scratch.session(try scratch.editor(#"sed -i 's/^# Change/# Changed/' "$1""#)).edit(
                form, context: context)
        }
        #expect(comment.reason == .unchanged)
        #expect(scratch.forms.isEmpty)
        #expect(try f.db.snapshot() == before)
    }

    @Test("an emptied file cancels the edit, and nothing is written")
    func emptiedCancels() throws {
        let (f, form, _, context) = try published()
        let before = try f.db.snapshot()
        let scratch = try Scratch()
        let emptied = try #require(throws: EditCancelled.self) {
            try scratch.session(try scratch.editor(#": > "$1""#)).edit(form, context: context)
        }
        #expect(emptied.reason == .emptied)
        #expect(emptied.description == "Edit cancelled: the file was emptied, so nothing was saved.")
        let onlyComments = try #require(throws: EditCancelled.self) {
            try scratch.session(try scratch.editor(#"sed -i '/^[^#]/d' "$1""#)).edit(form, context: context)
        }
        #expect(onlyComments.reason == .emptied)
        #expect(try f.db.snapshot() == before)
    }

    @Test("saving the errors unfixed cancels and keeps the text; a failing editor cancels")
    func givingUpAndFailing() throws {
        let (_, form, _, context) = try published()
        let scratch = try Scratch()
        let stubborn = try scratch.editor(#"sed -i 's/^confidence: medium/confidence: sure/' "$1""#)
        let cancelled = try #require(throws: EditCancelled.self) {
            try scratch.session(stubborn).edit(form, context: context)
        }
        guard case .stillInvalid(let kept, let problems) = cancelled.reason else {
            Issue.record("expected stillInvalid, got \(cancelled.reason)")
            return
        }
        #expect(scratch.count == 2)
        #expect(problems.map(\.path) == ["confidence"])
        #expect(FileManager.default.fileExists(atPath: kept))
        #expect(cancelled.description.contains("Your text is kept in \(kept)"))
        let failing = try #require(throws: EditCancelled.self) {
            try scratch.session("false").edit(form, context: context)
        }
        #expect(failing.reason == .editorFailed(command: "false", status: 1))
    }

    @Test("VISUAL wins over EDITOR, and vi is the fallback")
    func editorChoice() {
        #expect(EditorSession.editorCommand(["VISUAL": "code --wait", "EDITOR": "nano"]) == "code --wait")
        #expect(EditorSession.editorCommand(["EDITOR": "nano"]) == "nano")
        #expect(EditorSession.editorCommand(["EDITOR": " "]) == "vi")
        #expect(EditorSession.editorCommand([:]) == "vi")
    }

    @Test("an edit saved against a revision that changed meanwhile is refused, not merged")
    func staleBase() throws {
        let (f, form, live, context) = try published()
        let scratch = try Scratch()
        let entry = try scratch.session(try scratch.editor(#"sed -i 's/^confidence: medium/confidence: low/' "$1""#))
            .edit(form, context: context)
        _ = try f.store(f.adminEditor).edit(AuthoringFixture.training, ClaimContent(headline: "Meanwhile."))
        let before = try f.db.snapshot()
        let error = try #require(throws: StoreError.self) {
            try f.store(f.editor).save(entry, base: (live.id, live.version))
        }
        #expect(error.kind == .stale)
        #expect(try f.db.snapshot() == before)
    }
}
