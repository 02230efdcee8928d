import ArgumentParser
import ClaimDeskDomain

extension ClaimDesk.Review {
    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "approve",
            abstract: "Approve a claim's draft so it can be published. Reviewers, never on their own changes.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: refHelp)
        var ref: String

        @Option(help: ArgumentHelp("A note for the history.", valueName: "text"))
        var note: String?

        func validate() throws {
            let ref = try Input.ref(ref)
            if let note { try Input.text(note, item: "\(ref) --note", maxLength: 5000) }
        }

        func run() throws {
            let ref = try Input.ref(ref)
            let store = try global.openStore()
            let revision = try store.approve(ref, note: note)
            try global.emit(revision) {
                "Approved \(ref) \(RevisionText.summary(revision)). Next: claimdesk publish \(ref)."
            }
        }
    }
}
