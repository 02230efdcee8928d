import ArgumentParser

extension ClaimDesk {
    struct Claim: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "claim",
            abstract: "Draft, edit and inspect claims (REF is TOOL:TOPIC or TOOL/TIER:TOPIC, e.g. deepseek:training).",
            subcommands: [Draft.self, Edit.self, Show.self, History.self, Diff.self, Discard.self]
        )
    }
}

/// The help of a claim reference argument, the same everywhere.
let refHelp = ArgumentHelp("The claim: TOOL:TOPIC or TOOL/TIER:TOPIC, e.g. deepseek:training.", valueName: "ref")
