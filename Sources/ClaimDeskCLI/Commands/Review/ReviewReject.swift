import ArgumentParser
import ClaimDeskDomain

extension ClaimDesk.Review {
    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reject",
            abstract: "Send a claim's open revision back to draft with a note saying what must change. Reviewers.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: refHelp)
        var ref: String

        @Option(help: ArgumentHelp("What must change.", valueName: "text"))
        var note: String

        func validate() throws {
            let ref = try Input.ref(ref)
            try Input.text(note, item: "\(ref) --note", maxLength: 5000, multiline: true)
        }

        func run() throws {
            let ref = try Input.ref(ref)
            let store = try global.openStore()
            let revision = try store.reject(ref, note: note)
            try global.emit(revision) {
                "Sent \(ref) \(RevisionText.summary(revision)) back to its editors with your note."
            }
        }
    }
}
