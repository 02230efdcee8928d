import ArgumentParser

/// The global options may come before the command (`claimdesk --json tool list`) as well as after it
/// (`claimdesk tool list --json`). argument-parser only reads a subcommand's options after its name, so the options
/// found before the command are moved to the end of the command line before parsing.
enum GlobalArguments {
    /// Flags every command takes without a value, and options that take one.
    static let flags: Set<String> = ["--json"]
    static let options: Set<String> = ["--database"]

    /// `["--json", "--database", "X", "tool", "list"]` → `["tool", "list", "--json", "--database", "X"]`.
    /// Only what precedes the innermost command name moves; everything from there on keeps its order, and the moved
    /// options go before a `--` terminator so they are never taken as positional values.
    static func normalized(_ arguments: [String]) -> [String] {
        var current: any ParsableCommand.Type = ClaimDesk.self
        var moved: [String] = []
        var kept: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if flags.contains(argument) || isInlineOption(argument) {
                moved.append(argument)
                index += 1
            } else if options.contains(argument), index + 1 < arguments.count {
                moved.append(contentsOf: arguments[index...(index + 1)])
                index += 2
            } else if let next = current.configuration.subcommands.first(where: {
                $0.configuration.commandName == argument || $0.configuration.aliases.contains(argument)
            }) {
                kept.append(argument)
                current = next
                index += 1
            } else {
                break
            }
        }
        guard !moved.isEmpty else { return arguments }
        var rest = Array(arguments[index...])
        let end = rest.firstIndex(of: "--") ?? rest.endIndex
        rest.insert(contentsOf: moved, at: end)
        return kept + rest
    }

    /// `--database=URL`.
    static func isInlineOption(_ argument: String) -> Bool {
        options.contains { argument.hasPrefix($0 + "=") }
    }

    /// `claimdesk --version`, with or without the global options: nothing else on the line.
    static func asksForVersion(_ arguments: [String]) -> Bool {
        var rest: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if options.contains(argument) {
                index += 2
                continue
            }
            if !flags.contains(argument), !isInlineOption(argument) { rest.append(argument) }
            index += 1
        }
        return rest == ["--version"]
    }
}
