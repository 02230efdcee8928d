/// Builds normalised text: runs of whitespace (non-breaking and zero-width spaces included) become one space, each
/// line is trimmed, and empty lines are dropped.
struct TextLines {
    private var lines: [String] = []
    private var current = ""
    private var pendingSpace = false

    mutating func append(_ fragment: String) {
        for character in fragment {
            if character.isWhitespace || character == "\u{200B}" || character == "\u{FEFF}" {
                pendingSpace = !current.isEmpty
            } else {
                if pendingSpace { current.append(" ") }
                pendingSpace = false
                current.append(character)
            }
        }
    }

    mutating func breakLine() {
        if !current.isEmpty { lines.append(current) }
        current = ""
        pendingSpace = false
    }

    var text: String {
        var copy = self
        copy.breakLine()
        return copy.lines.joined(separator: "\n")
    }

    /// Plain text normalised line by line.
    static func normalise(_ text: String) -> String {
        var builder = TextLines()
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            builder.append(String(line))
            builder.breakLine()
        }
        return builder.text
    }
}
