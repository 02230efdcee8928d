import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard output carries results; standard error carries the one-line failure and, on a terminal, progress.
/// Text goes through `TerminalText.visible`: it carries stored text (headlines, notes, URLs) that anyone with
/// editing rights wrote, and a terminal must never act on control sequences hidden in it.
enum Terminal {
    static func out(_ text: String) {
        print(TerminalText.visible(text))
    }

    /// Machine-readable output, exactly as encoded: JSON escapes what it must, and its values are data.
    static func json(_ text: String) {
        print(text)
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.visible(text) + "\n").utf8))
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// A progress note for long work, shown only when a person is watching standard error.
    static func progress(_ text: String) {
        guard stderrIsTerminal else { return }
        error(text)
    }

    /// Asks a yes/no question on standard error and reads the answer from standard input; anything but yes is no.
    static func confirm(_ question: String) -> Bool {
        FileHandle.standardError.write(Data(TerminalText.visible(question).utf8))
        guard let answer = readLine(strippingNewline: true) else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
