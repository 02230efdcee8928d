import ArgumentParser
import ClaimDeskDomain

extension ClaimDesk.Review {
    struct Queue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "queue", abstract: "List open revisions: reviewed ones ready to publish, then drafts.")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let store = try global.openStore()
            let items = try store.reviewQueue()
            try global.emit(items) {
                guard !items.isEmpty else { return "Nothing awaits review." }
                var table = Table(header: ["REF", "REV", "STATE", "KIND", "AUTHOR", "CITES", "UPDATED", "HEADLINE"])
                for item in items {
                    table.add([
                        item.ref.description, "\(item.number)",
                        item.changesRequested ? "sent back" : item.state.rawValue,
                        item.isChange ? "change" : "new", item.editors.joined(separator: ","), "\(item.citationCount)",
                        Timestamp.text(item.updatedAt), item.headline.clipped(50),
                    ])
                }
                return table.rendered
            }
        }
    }
}
