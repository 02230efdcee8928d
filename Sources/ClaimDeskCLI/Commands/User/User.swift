import ArgumentParser

extension ClaimDesk {
    struct User: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "user",
            abstract: "Manage who may work on the desk (login roles and their ClaimDesk roles).",
            subcommands: [Add.self, List.self]
        )
    }
}

/// The ClaimDesk group roles a login role can be given.
enum EditorialRole: String, CaseIterable, ExpressibleByArgument {
    case editor, reviewer, admin, exporter, notifier, watcher
}
