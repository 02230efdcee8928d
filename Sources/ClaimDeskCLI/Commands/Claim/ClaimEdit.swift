import ArgumentParser
import ClaimDeskDomain

extension ClaimDesk.Claim {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change the open revision of a claim, or start one from the live revision. Editors and admins.",
            discussion: """
                Only the flags you give change. Editing a reviewed revision voids its approval; the live revision \
                stays live until the new one is published. With --base ID:VERSION (as claim show prints it) the edit \
                is refused if the revision changed since. With no content flags, the revision opens as a YAML form \
                in $VISUAL or $EDITOR (else vi); saving it unchanged or empty cancels.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: refHelp)
        var ref: String

        @Option(help: ArgumentHelp("A verdict of the topic (claimdesk topic list).", valueName: "verdict"))
        var verdict: String?

        @Option(help: ArgumentHelp("The short answer.", valueName: "text"))
        var headline: String?

        @Option(help: ArgumentHelp("The detail.", valueName: "text"))
        var body: String?

        @Option(
            name: .customLong("body-file"),
            help: ArgumentHelp("Read the body from a file (- for stdin).", valueName: "file"))
        var bodyFile: String?

        @Option(help: "How sure the desk is.")
        var confidence: Confidence?

        @Option(help: ArgumentHelp("The day it was verified (YYYY-MM-DD), not in the future.", valueName: "date"))
        var verified: String?

        @Option(name: .customLong("verified-by"), help: ArgumentHelp("Who verified it.", valueName: "text"))
        var verifiedBy: String?

        @Option(
            help: ArgumentHelp(
                "The revision you started from, as claim show prints it; refuse if it changed.", valueName: "id:version"
            ))
        var base: String?

        struct Result: Encodable {
            var changed: Bool
            var revision: Revision
        }

        var input: ContentInput {
            ContentInput(
                ref: ref, verdict: verdict, headline: headline, body: body, bodyFile: bodyFile, confidence: confidence,
                verified: verified, verifiedBy: verifiedBy)
        }

        func validate() throws {
            let (ref, _) = try input.content(readingFile: false)
            if input.isEmpty { try validateEditor(ref) }
            if let base { _ = try Input.base(base) }
        }

        func run() throws {
            if input.isEmpty { return try runInEditor() }
            let (ref, content) = try input.content(readingFile: true)
            let base = try base.map { text throws(InputError) in try Input.base(text) }
            let store = try global.openStore()
            let (revision, changed) = try store.edit(ref, content, base: base)
            try global.emit(Result(changed: changed, revision: revision)) {
                changed
                    ? "Edited \(ref) \(RevisionText.summary(revision)). Next: ask a reviewer to approve it "
                        + "(claimdesk review approve \(ref))."
                    : "No change: \(ref) \(RevisionText.summary(revision)) already says that."
            }
        }
    }
}
