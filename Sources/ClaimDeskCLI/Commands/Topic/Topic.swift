import ArgumentParser

extension ClaimDesk {
    struct Topic: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "topic",
            abstract: "The vocabulary: the questions each page answers and their verdicts.",
            subcommands: [List.self]
        )
    }
}
