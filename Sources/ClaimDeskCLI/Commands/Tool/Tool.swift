import ArgumentParser

extension ClaimDesk {
    struct Tool: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tool",
            abstract: "Add, list and show the AI tools the site has pages for.",
            subcommands: [Add.self, List.self, Show.self]
        )
    }
}
