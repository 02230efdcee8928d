import ArgumentParser
import ClaimDeskDomain

extension ClaimDesk {
    struct Cite: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cite",
            abstract:
                "Add a citation to a claim's open revision (or update the given fields of the one with the same URL).",
            discussion: "Citing a reviewed or live revision starts a new draft. Editors and admins."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: refHelp)
        var ref: String

        @Option(help: ArgumentHelp("The source, http(s) only.", valueName: "url"))
        var url: String

        @Option(
            help: ArgumentHelp(
                "What it supports, in one sentence (needed for a new citation; otherwise kept when left out).",
                valueName: "text"))
        var supports: String?

        @Option(
            help: ArgumentHelp(
                "The date the source is dated (YYYY-MM-DD), not in the future (needed for a new citation).",
                valueName: "date"))
        var dated: String?

        @Option(help: ArgumentHelp("The source's title.", valueName: "text"))
        var title: String?

        @Option(
            name: .customLong("archived-url"), help: ArgumentHelp("An archived copy, http(s) only.", valueName: "url"))
        var archivedURL: String?

        @Option(
            help: ArgumentHelp(
                "The exact sentence(s) of the source that support the claim; the watcher checks they are still there.",
                valueName: "text"))
        var quote: String?

        func validate() throws {
            _ = try citation()
        }

        func citation() throws(InputError) -> (ClaimRef, CitationUpdate) {
            let ref = try Input.ref(ref)
            try Input.url(url, item: "\(ref) --url")
            if let supports { try Input.text(supports, item: "\(ref) --supports", maxLength: 2000) }
            var day: Day?
            if let dated { day = try Input.day(dated, item: "\(ref) --dated") }
            if let title { try Input.text(title, item: "\(ref) --title", maxLength: 500) }
            if let archivedURL { try Input.url(archivedURL, item: "\(ref) --archived-url") }
            if let quote { try Input.text(quote, item: "\(ref) --quote", maxLength: 2000) }
            return (
                ref,
                CitationUpdate(
                    url: url, supports: supports, dated: day, title: title, archivedURL: archivedURL, quote: quote)
            )
        }

        func run() throws {
            let (ref, citation) = try citation()
            let store = try global.openStore()
            let revision = try store.cite(ref, update: citation)
            try global.emit(revision) {
                let count = revision.citations.count
                return "Cited \(citation.url) on \(ref) \(RevisionText.summary(revision)); "
                    + "it has \(count) citation\(count == 1 ? "" : "s")."
            }
        }
    }
}
