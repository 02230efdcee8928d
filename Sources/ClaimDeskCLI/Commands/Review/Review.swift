import ArgumentParser

extension ClaimDesk {
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review",
            abstract: "What awaits review, and approving or sending back revisions. Reviewers.",
            subcommands: [Queue.self, Approve.self, Reject.self]
        )
    }
}
