import ArgumentParser
import ClaimDeskPublishing
import ClaimDeskStore
import Foundation
import Logging

extension ClaimDesk {
    /// Runs the command line and exits. Every failure ends as one line on standard error,
    /// `claimdesk: <what, which item, what to do>`, and an exit status of its kind (`ExitStatus`).
    public static func main() {
        let level = ProcessInfo.processInfo.environment["CLAIMDESK_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level ?? .warning
            return handler
        }
        if let position = firstInvalidArgument() {
            fail(
                "argument \(position) is not valid UTF-8 text; claimdesk stores text exactly as given and will not "
                    + "guess (it would become U+FFFD). Convert it to UTF-8 (e.g. iconv -f LATIN1 -t UTF-8) and try again."
            )
            Foundation.exit(ExitStatus.invalid.rawValue)
        }
        Foundation.exit(execute(Array(CommandLine.arguments.dropFirst())))
    }

    /// `CommandLine.arguments` repairs invalid UTF-8 into U+FFFD silently; the raw bytes say whether it had to.
    static func firstInvalidArgument() -> Int? {
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            if String(validatingCString: pointer) == nil { return index }
        }
        return nil
    }

    /// Parses and runs `arguments`, reporting any failure; returns the exit status.
    static func execute(_ given: [String]) -> Int32 {
        if GlobalArguments.asksForVersion(given) {
            if given.contains("--json"), let json = try? JSONOutput.encode(versionInfo) {
                Terminal.out(json)
            } else {
                Terminal.out(versionText)
            }
            return ExitStatus.success.rawValue
        }
        let arguments = GlobalArguments.normalized(given)
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            return reportParseFailure(error, arguments: arguments)
        }
        do {
            try command.run()
            return ExitStatus.success.rawValue
        } catch {
            return report(error, arguments: arguments)
        }
    }

    /// Parsing failed: a help request (printed, success), a wrong command line (usage), or a value that
    /// `validate()` refused with the domain's validators (invalid input).
    static func reportParseFailure(_ error: any Error, arguments: [String]) -> Int32 {
        let code = exitCode(for: error)
        if code == .success {
            Terminal.out(fullMessage(for: error))
            return code.rawValue
        }
        if code == .validationFailure {
            let (path, command, rest) = resolve(arguments)
            let names = command.configuration.subcommands.compactMap { $0.configuration.commandName }
            if !names.isEmpty, let next = rest.first,
                GlobalArguments.flags.contains(next) || GlobalArguments.options.contains(next)
                    || GlobalArguments.isInlineOption(next)
            {
                // `claimdesk --json` or `claimdesk --database URL` with no command after it.
                fail("\(next) needs a command after it, e.g. \(path) \(next) tool list (see \(path) --help)")
            } else if !names.isEmpty, let next = rest.first {
                // A command group followed by something that is not one of its commands.
                fail(
                    next.hasPrefix("-")
                        ? "\(next) is not an option of \(path): only --database, --json (and --version) may come "
                            + "before a command; give other options after it: \(path) <command> \(next) "
                            + "(see \(path) --help)"
                        : "'\(next)' is not a command of \(path); use one of: \(names.joined(separator: ", "))")
            } else {
                fail("\(oneLine(message(for: error))) (see \(path) --help)")
            }
            return ExitStatus.usage.rawValue
        }
        let text = oneLine(message(for: error))
        if !text.isEmpty { fail(text) }
        // Anything else thrown from validate() is the domain's ValidationError: the input is refused.
        return code == .failure ? ExitStatus.invalid.rawValue : code.rawValue
    }

    /// Running failed: the store, the domain or the CLI said why.
    static func report(_ error: any Error, arguments: [String]) -> Int32 {
        switch error {
        case let error as StoreError:
            fail(oneLine(error.description))
            return ExitStatus(error.kind).rawValue
        case let error as InputError:
            fail(oneLine(error.description))
            return ExitStatus.invalid.rawValue
        case let error as CLIError:
            fail(oneLine(error.description))
            return error.status.rawValue
        case let error as ExportError:
            fail(oneLine(error.description))
            switch error {
            // Settings and paths the user gave: bad input, not a failure of the export itself.
            case .invalidConfig, .parentNotWritable: return ExitStatus.invalid.rawValue
            default: return ExitStatus.failure.rawValue
            }
        case let error as ExitCode:
            return error.rawValue
        default:
            let code = exitCode(for: error)
            if code == .success {
                Terminal.out(fullMessage(for: error))
                return code.rawValue
            }
            fail(oneLine(message(for: error)))
            return code == .validationFailure ? ExitStatus.usage.rawValue : ExitStatus.failure.rawValue
        }
    }

    static func fail(_ text: String) {
        Terminal.error("claimdesk: \(text)")
    }

    /// Joins the lines of a message so the failure stays one line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// For `["claim", "draft", "x:y"]`: `claimdesk claim draft`, its type, and `["x:y"]`.
    static func resolve(_ arguments: [String]) -> (path: String, command: any ParsableCommand.Type, rest: [String]) {
        var names = ["claimdesk"]
        var current: any ParsableCommand.Type = ClaimDesk.self
        var rest = arguments[...]
        while let argument = rest.first,
            let next = current.configuration.subcommands.first(where: {
                $0.configuration.commandName == argument || $0.configuration.aliases.contains(argument)
            })
        {
            names.append(next.configuration.commandName ?? argument)
            current = next
            rest = rest.dropFirst()
        }
        return (names.joined(separator: " "), current, Array(rest))
    }
}
