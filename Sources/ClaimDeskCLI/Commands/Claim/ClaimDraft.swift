import ArgumentParser
import ClaimDeskDomain

extension ClaimDesk.Claim {
    struct Draft: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "draft",
            abstract: "Start a new revision of a claim. Editors and admins.",
            discussion: "The claim is created on first draft; its tool, tier and topic must exist."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: refHelp)
        var ref: String

        @Option(
            help: ArgumentHelp(
                "A verdict of the topic (claimdesk topic list); omit for prose-only topics.", valueName: "verdict"))
        var verdict: String?

        @Option(help: ArgumentHelp("The short answer.", valueName: "text"))
        var headline: String

        @Option(help: ArgumentHelp("The detail.", valueName: "text"))
        var body: String?

        @Option(
            name: .customLong("body-file"),
            help: ArgumentHelp("Read the body from a file (- for stdin).", valueName: "file"))
        var bodyFile: String?

        @Option(help: "How sure the desk is.")
        var confidence: Confidence

        @Option(help: ArgumentHelp("The day it was verified (YYYY-MM-DD), not in the future.", valueName: "date"))
        var verified: String

        @Option(
            name: .customLong("verified-by"), help: ArgumentHelp("Who verified it (default: you).", valueName: "text"))
        var verifiedBy: String?

        var input: ContentInput {
            ContentInput(
                ref: ref, verdict: verdict, headline: headline, body: body, bodyFile: bodyFile, confidence: confidence,
                verified: verified, verifiedBy: verifiedBy)
        }

        func validate() throws {
            _ = try input.content(readingFile: false)
        }

        func run() throws {
            let (ref, content) = try input.content(readingFile: true)
            let store = try global.openStore()
            let revision = try store.draft(ref, content)
            try global.emit(revision) {
                "Drafted \(ref) \(RevisionText.summary(revision)). Next: cite it (claimdesk cite \(ref) --url ...), "
                    + "then ask a reviewer to approve it."
            }
        }
    }
}
