import ArgumentParser
import ClaimDeskDomain

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension ClaimDesk.Review {
    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "approve",
            abstract: "Approve a claim's draft so it can be published. Reviewers, never on their own changes.",
            discussion: """
                The approval applies only to the version you read. With --base ID:VERSION (as claim show prints it) \
                it is refused (exit 6) if the draft changed since; without --base, claimdesk reads the draft, shows \
                it on a terminal and asks before approving, and approves exactly that version.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: refHelp)
        var ref: String

        @Option(help: ArgumentHelp("A note for the history.", valueName: "text"))
        var note: String?

        @Option(
            help: ArgumentHelp(
                "The revision you read, as claim show prints it; refuse if it changed since.", valueName: "id:version"))
        var base: String?

        @Flag(name: .customLong("yes"), help: "On a terminal, approve without asking (after showing the draft).")
        var assumeYes = false

        func validate() throws {
            let ref = try Input.ref(ref)
            if let note { try Input.text(note, item: "\(ref) --note", maxLength: 5000, multiline: true) }
            if let base { _ = try Input.base(base) }
        }

        func run() throws {
            let ref = try Input.ref(ref)
            let store = try global.openStore()
            var base = try base.map { text throws(InputError) in try Input.base(text) }
            if base == nil, let open = try store.claim(ref).open {
                // Bind the approval to the version read here, so an edit racing this command is refused, not approved.
                base = (open.id, open.version)
                if !global.json, isatty(STDIN_FILENO) == 1, Terminal.stderrIsTerminal {
                    let labels = VerdictLabels(try store.topics())
                    Terminal.error(
                        "You are approving \(ref) \(RevisionText.summary(open)):\n"
                            + RevisionText.block(open, labels: labels))
                    if !assumeYes, !Terminal.confirm("Approve exactly this? [y/N] ") {
                        Terminal.error("Not approved: \(ref) is unchanged.")
                        return
                    }
                }
            }
            let revision = try store.approve(ref, note: note, base: base)
            try global.emit(revision) {
                "Approved \(ref) \(RevisionText.summary(revision)). Next: claimdesk publish \(ref)."
            }
        }
    }
}
