import ArgumentParser
import ClaimDeskDomain

extension ClaimDesk {
    struct Retract: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retract",
            abstract: "Take a live claim down, with a note that readers of the change feed see. Reviewers.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: refHelp)
        var ref: String

        @Option(help: ArgumentHelp("Why it is retracted.", valueName: "text"))
        var note: String

        func validate() throws {
            let ref = try Input.ref(ref)
            try Input.text(note, item: "\(ref) --note", maxLength: 5000, multiline: true)
        }

        func run() throws {
            let ref = try Input.ref(ref)
            let store = try global.openStore()
            let revision = try store.retract(ref, note: note)
            try global.emit(revision) { "Retracted \(ref) revision \(revision.number): it is no longer live." }
        }
    }
}
