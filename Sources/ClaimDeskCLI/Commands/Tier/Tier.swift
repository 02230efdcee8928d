import ArgumentParser

extension ClaimDesk {
    struct Tier: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tier",
            abstract: "Add plan tiers to tools (terms often differ between consumer and business plans).",
            subcommands: [Add.self]
        )
    }
}
