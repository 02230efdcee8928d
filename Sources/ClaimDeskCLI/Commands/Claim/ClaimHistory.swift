import ArgumentParser
import ClaimDeskDomain

extension ClaimDesk.Claim {
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history", abstract: "Show every revision of a claim and every event in its audit trail.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: refHelp)
        var ref: String

        struct Result: Encodable {
            var ref: ClaimRef
            var revisions: [Revision]
            var events: [AuditEntry]
        }

        func validate() throws {
            _ = try Input.ref(ref)
        }

        func run() throws {
            let ref = try Input.ref(ref)
            let store = try global.openStore()
            let (revisions, events) = try store.history(ref)
            try global.emit(Result(ref: ref, revisions: revisions, events: events)) {
                render(ref, revisions: revisions, events: events)
            }
        }

        func render(_ ref: ClaimRef, revisions: [Revision], events: [AuditEntry]) -> String {
            var text = "\(ref): \(revisions.count) revision\(revisions.count == 1 ? "" : "s")\n"
            var table = Table(header: [
                "REV", "STATE", "VERDICT", "CONF", "VERIFIED", "AUTHOR", "REVIEWER", "SEQ", "HEADLINE",
            ])
            for r in revisions {
                table.add([
                    "\(r.number)", r.state.rawValue, r.verdict?.rawValue ?? "—", r.confidence.rawValue,
                    r.verifiedOn.description, r.editors.joined(separator: ","), r.reviewer ?? "—",
                    r.publishSeq.map(String.init) ?? "—", r.headline.clipped(60),
                ])
            }
            text += table.rendered + "\n\nEvents\n" + EventText.table(events, showRef: false)
            return text
        }
    }
}
