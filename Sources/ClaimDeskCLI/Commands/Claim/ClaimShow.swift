import ArgumentParser
import ClaimDeskDomain

extension ClaimDesk.Claim {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a claim's live revision and its open one (with the id:version to pass as --base).")

        @OptionGroup var global: GlobalOptions

        @Argument(help: refHelp)
        var ref: String

        func validate() throws {
            _ = try Input.ref(ref)
        }

        func run() throws {
            let ref = try Input.ref(ref)
            let store = try global.openStore()
            let status = try store.claim(ref)
            if global.json {
                try global.emit(status) { "" }
                return
            }
            let labels = VerdictLabels(try store.topics())
            Terminal.out(render(status, labels: labels))
        }

        func render(_ status: ClaimStatus, labels: VerdictLabels) -> String {
            var text = "\(status.ref)\n\n"
            if let live = status.live {
                text +=
                    "Live: revision \(live.number) (\(live.state.rawValue))\n"
                    + RevisionText.block(live, labels: labels)
                    + SourceFlagText.lines([(status.ref, status.liveSourceFlags)])
            } else {
                text += "Live: none (never published, or retracted)"
            }
            text += "\n\n"
            if let open = status.open {
                text += "Open: revision \(open.number) (\(open.state.rawValue)), base \(open.id):\(open.version) "
                text += "for claim edit --base\n" + RevisionText.block(open, labels: labels)
                text += SourceFlagText.lines([(status.ref, status.openSourceFlags)])
                if open.changesRequested {
                    text += "\nA reviewer sent it back: edit it, then ask for review again."
                }
            } else {
                text += "Open: none (claimdesk claim edit \(status.ref) ... starts a new draft from the live revision)"
            }
            return text
        }
    }
}
