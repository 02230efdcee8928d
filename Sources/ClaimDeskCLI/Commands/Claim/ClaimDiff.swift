import ArgumentParser
import ClaimDeskDomain

extension ClaimDesk.Claim {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Compare a claim's open revision with its live one, field by field, citations included.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: refHelp)
        var ref: String

        func validate() throws {
            _ = try Input.ref(ref)
        }

        func run() throws {
            let ref = try Input.ref(ref)
            let store = try global.openStore()
            let diff = try store.diff(ref)
            try global.emit(diff) { render(diff) }
        }

        func render(_ diff: RevisionDiff) -> String {
            let live = diff.liveNumber.map { "live revision \($0)" } ?? "nothing live"
            guard let open = diff.openNumber.map({ "open revision \($0)" }) else {
                return "\(diff.ref) has no open revision: nothing to compare with \(live)."
            }
            var text = "\(diff.ref): \(live) → \(open)"
            if diff.changes.isEmpty {
                return text + "\nNo field differs."
            }
            for change in diff.changes {
                text += "\n\(change.field)\n" + lines("-", change.live) + "\n" + lines("+", change.open)
            }
            return text
        }

        private func lines(_ sign: String, _ value: String?) -> String {
            guard let value else { return "  \(sign) (none)" }
            return value.split(separator: "\n", omittingEmptySubsequences: false).map { "  \(sign) \($0)" }
                .joined(separator: "\n")
        }
    }
}
