import ArgumentParser
import ClaimDeskDomain

extension ClaimDesk.Claim {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Compare a claim's open revision with its live one, field by field, citations included.",
            discussion: """
                With --since-sent-back, compare it with the revision as the reviewer last sent it back instead: \
                what the editor changed since.
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: refHelp)
        var ref: String

        @Flag(help: "Compare with the revision as it was when a reviewer last sent it back, not with the live one.")
        var sinceSentBack = false

        func validate() throws {
            _ = try Input.ref(ref)
        }

        func run() throws {
            let ref = try Input.ref(ref)
            let store = try global.openStore()
            if sinceSentBack {
                let diff = try store.sentBackDiff(ref)
                try global.emit(diff) { render(diff) }
                return
            }
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

        func render(_ diff: SentBackDiff) -> String {
            var text =
                "\(diff.ref) revision \(diff.number): as \(diff.sentBackBy) sent it back "
                + "(version \(diff.sentBackVersion), \(Timestamp.text(diff.sentBackAt))) → now (version \(diff.version))"
            if let note = diff.note {
                text += "\nNote: " + note.split(whereSeparator: \.isNewline).joined(separator: " ")
            }
            if diff.changes.isEmpty {
                return text + "\nNothing changed since it was sent back."
            }
            for change in diff.changes {
                text += "\n\(change.field)\n" + lines("-", change.sentBack) + "\n" + lines("+", change.now)
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
