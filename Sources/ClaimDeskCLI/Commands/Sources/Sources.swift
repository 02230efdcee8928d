import ArgumentParser

extension ClaimDesk {
    struct Sources: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sources",
            abstract: "Watch cited sources: check them (the watcher), see their states, compare snapshots.",
            subcommands: [Check.self, Status.self, Diff.self]
        )
    }
}
