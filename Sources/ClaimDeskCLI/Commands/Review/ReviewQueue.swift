import ArgumentParser
import ClaimDeskDomain

extension ClaimDesk.Review {
    struct Queue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "queue",
            abstract: "List open revisions: reviewed ones ready to publish, then drafts, with the reviewer's note.")

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("Only this tool's claims.", valueName: "slug"))
        var tool: String?

        @Flag(help: "Only revisions you wrote or edited (e.g. your drafts that were sent back).")
        var mine = false

        func validate() throws {
            if let tool { _ = try Input.toolSlug(tool) }
        }

        func run() throws {
            let store = try global.openStore()
            let items = try store.reviewQueue(tool: try tool.map(Input.toolSlug), mine: mine)
            try global.emit(items) {
                guard !items.isEmpty else {
                    let scope = [tool.map { "for \($0)" }, mine ? "of yours" : nil].compactMap { $0 }
                    return "Nothing awaits review" + (scope.isEmpty ? "" : " " + scope.joined(separator: " ")) + "."
                }
                var table = Table(header: ["REF", "REV", "STATE", "KIND", "AUTHOR", "CITES", "UPDATED", "HEADLINE"])
                var notes: [String] = []
                for item in items {
                    table.add([
                        item.ref.description, "\(item.number)",
                        item.changesRequested ? "sent back" : item.state.rawValue,
                        item.isChange ? "change" : "new", item.editors.joined(separator: ","), "\(item.citationCount)",
                        Timestamp.text(item.updatedAt), item.headline.clipped(50),
                    ])
                    if let note = Queue.noteLine(item) { notes.append(note) }
                }
                return ([table.rendered] + (notes.isEmpty ? [] : ["", "Notes:"] + notes)).joined(separator: "\n")
                    + SourceFlagText.lines(items.map { ($0.ref, $0.sourceFlags) })
            }
        }

        /// `deepseek:training (sent back): Cite the 2025 policy.`: what the reviewer said, so the editor sees it here.
        static func noteLine(_ item: ReviewItem) -> String? {
            guard let note = item.note, !note.isEmpty else { return nil }
            let kind =
                item.changesRequested
                ? "sent back" : item.state == .reviewed ? "approval note" : "note when it was sent back"
            let text = note.split(whereSeparator: \.isNewline).joined(separator: " ")
            return "  \(item.ref) (\(kind)): \(text.clipped(200))"
        }
    }
}
