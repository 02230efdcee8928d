import ArgumentParser
import ClaimDeskDomain

extension ClaimDesk.Claim {
    struct Discard: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "discard",
            abstract: "Drop a claim's open revision (draft or reviewed); the live one is untouched. Editors and admins."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: refHelp)
        var ref: String

        @Option(help: ArgumentHelp("Why, for the history.", valueName: "text"))
        var note: String?

        func validate() throws {
            let ref = try Input.ref(ref)
            if let note { try Input.text(note, item: "\(ref) --note", maxLength: 5000, multiline: true) }
        }

        func run() throws {
            let ref = try Input.ref(ref)
            let store = try global.openStore()
            let revision = try store.discard(ref, note: note)
            try global.emit(revision) { "Discarded \(ref) revision \(revision.number)." }
        }
    }
}
