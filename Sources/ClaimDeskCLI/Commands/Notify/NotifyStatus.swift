import ArgumentParser
import ClaimDeskDomain

extension ClaimDesk.Notify {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Per tool: confirmed and pending subscribers, queued, sent and failed messages (counts only).")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let rows = try global.openStore().notifyStatus()
            try global.emit(rows) {
                guard !rows.isEmpty else { return "No reader has subscribed to any tool yet." }
                var table = Table(header: ["TOOL", "CONFIRMED", "PENDING", "QUEUED", "SENT", "FAILED"])
                for row in rows {
                    table.add([
                        row.tool.rawValue, String(row.confirmed), String(row.pending), String(row.queued),
                        String(row.sent), String(row.failed),
                    ])
                }
                return table.rendered
            }
        }
    }
}
