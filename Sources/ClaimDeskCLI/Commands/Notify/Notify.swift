import ArgumentParser

extension ClaimDesk {
    struct Notify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "notify",
            abstract: "Readers' change notes: deliver the outbox, see subscriber and message counts.",
            subcommands: [Send.self, Status.self]
        )
    }
}
