import ArgumentParser
import ClaimDeskDomain

extension ClaimDesk {
    struct Cite: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cite",
            abstract: "Add a citation to a claim's open revision (or update the one with the same URL).",
            discussion: "Citing a reviewed or live revision starts a new draft. Editors and admins."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: refHelp)
        var ref: String

        @Option(help: ArgumentHelp("The source, http(s) only.", valueName: "url"))
        var url: String

        @Option(help: ArgumentHelp("What it supports, in one sentence.", valueName: "text"))
        var supports: String

        @Option(help: ArgumentHelp("The date the source is dated (YYYY-MM-DD), not in the future.", valueName: "date"))
        var dated: String

        @Option(help: ArgumentHelp("The source's title.", valueName: "text"))
        var title: String?

        @Option(
            name: .customLong("archived-url"), help: ArgumentHelp("An archived copy, http(s) only.", valueName: "url"))
        var archivedURL: String?

        func validate() throws {
            _ = try citation()
        }

        func citation() throws(InputError) -> (ClaimRef, Citation) {
            let ref = try Input.ref(ref)
            try Input.url(url, item: "\(ref) --url")
            try Input.text(supports, item: "\(ref) --supports", maxLength: 2000)
            let day = try Input.day(dated, item: "\(ref) --dated")
            if let title { try Input.text(title, item: "\(ref) --title", maxLength: 500) }
            if let archivedURL { try Input.url(archivedURL, item: "\(ref) --archived-url") }
            return (ref, Citation(url: url, supports: supports, dated: day, title: title, archivedURL: archivedURL))
        }

        func run() throws {
            let (ref, citation) = try citation()
            let store = try global.openStore()
            let revision = try store.cite(ref, citation)
            try global.emit(revision) {
                let count = revision.citations.count
                return "Cited \(citation.url) on \(ref) \(RevisionText.summary(revision)); "
                    + "it has \(count) citation\(count == 1 ? "" : "s")."
            }
        }
    }
}
