import ArgumentParser
import ClaimDeskDomain

extension ClaimDesk {
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "audit",
            abstract: "Show the append-only audit log: who did what, to which claim, when, oldest first.")

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("Only this tool's entries.", valueName: "slug"))
        var tool: String?

        @Option(help: ArgumentHelp("Only entries on or after this day (YYYY-MM-DD, UTC).", valueName: "date"))
        var since: String?

        @Option(help: ArgumentHelp("At most this many of the most recent entries.", valueName: "n"))
        var limit = 1000

        func validate() throws {
            _ = try filters()
            guard (1...1_000_000).contains(limit) else {
                throw InputError(
                    item: "--limit \(limit)", problem: "is not a number from 1 to 1000000", fix: "give e.g. --limit 100"
                )
            }
        }

        func filters() throws(InputError) -> (ToolSlug?, Day?) {
            let slug = try tool.map { text throws(InputError) in try Input.toolSlug(text) }
            let day = try since.map { text throws(InputError) in try Input.day(text, item: "--since") }
            return (slug, day)
        }

        func run() throws {
            let (tool, since) = try filters()
            let store = try global.openStore()
            let entries = try store.audit(tool: tool, since: since, limit: limit)
            try global.emit(entries) { EventText.table(entries, showRef: true) }
        }
    }
}
