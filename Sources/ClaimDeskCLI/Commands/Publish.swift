import ArgumentParser
import ClaimDeskDomain

extension ClaimDesk {
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "publish",
            abstract: "Put reviewed revisions live, all or nothing, in one transaction. Reviewers.",
            discussion:
                "Each published revision supersedes the claim's previous live one and takes a publish sequence number."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The claims to publish (TOOL:TOPIC or TOOL/TIER:TOPIC).", valueName: "ref"))
        var refs: [String] = []

        @Flag(name: .customLong("all-reviewed"), help: "Publish every reviewed revision instead of naming claims.")
        var allReviewed = false

        func validate() throws {
            if allReviewed == !refs.isEmpty {
                throw UsageError("name the claims to publish, or give --all-reviewed (exactly one of the two)")
            }
            _ = try Input.refs(refs)
        }

        func run() throws {
            let store = try global.openStore()
            let published = allReviewed ? try store.publishAllReviewed() : try store.publish(try Input.refs(refs))
            try global.emit(published) {
                guard !published.isEmpty else { return "Nothing to publish: no revision is reviewed." }
                let list = published.map { r in
                    "\(r.ref) revision \(r.number)" + (r.publishSeq.map { " (seq \($0))" } ?? "")
                }
                return "Published \(list.joined(separator: ", "))."
            }
        }
    }
}
