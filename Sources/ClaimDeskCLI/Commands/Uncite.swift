import ArgumentParser
import ClaimDeskDomain

extension ClaimDesk {
    struct Uncite: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "uncite",
            abstract: "Remove a citation from a claim's open revision (starting a draft if needed). Editors and admins."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: refHelp)
        var ref: String

        @Option(help: ArgumentHelp("The URL of the citation to remove.", valueName: "url"))
        var url: String

        func validate() throws {
            let ref = try Input.ref(ref)
            try Input.text(url, item: "\(ref) --url", maxLength: 2048)
        }

        func run() throws {
            let ref = try Input.ref(ref)
            let store = try global.openStore()
            let revision = try store.uncite(ref, url: url)
            try global.emit(revision) {
                let count = revision.citations.count
                return "Removed \(url) from \(ref) \(RevisionText.summary(revision)); "
                    + "it has \(count) citation\(count == 1 ? "" : "s")."
            }
        }
    }
}
