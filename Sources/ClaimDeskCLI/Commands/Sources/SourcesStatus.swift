import ArgumentParser
import ClaimDeskDomain

extension ClaimDesk.Sources {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "One row per cited URL: its state, when it was last checked and last changed, who cites it.")

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("Only the URLs cited on this tool's claims.", valueName: "slug"))
        var tool: String?

        func validate() throws {
            if let tool { _ = try Input.toolSlug(tool) }
        }

        func run() throws {
            let store = try global.openStore()
            let rows = try store.sourceStatus(tool: tool.map { ToolSlug($0) })
            try global.emit(rows) {
                guard !rows.isEmpty else { return "No live or open revision cites a source yet." }
                var table = Table(header: ["STATE", "URL", "CHECKED", "CHANGED", "CLAIMS"])
                for row in rows {
                    let claims = row.claims.map { "\($0.ref) (\($0.revisionState.rawValue): \($0.state.rawValue))" }
                    table.add([
                        row.state.rawValue, row.url.clipped(70), Timestamp.text(row.lastCheckedAt) ?? "never",
                        Timestamp.text(row.lastChangedAt) ?? "-", claims.joined(separator: ", "),
                    ])
                }
                return table.rendered
            }
        }
    }
}
