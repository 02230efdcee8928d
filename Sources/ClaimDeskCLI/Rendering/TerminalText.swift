/// Stored text shown on a terminal with its control characters made visible, so a headline, note or URL cannot
/// clear a reviewer's screen, move the cursor, retitle the window or reorder what is displayed.
///
/// C0 controls and DEL are shown in caret notation (`ESC` as `^[`, `CR` as `^M`, `DEL` as `^?`), C1 controls and
/// the Unicode bidirectional overrides and isolates as `\u{…}`. Line feeds and tabs stay: they are how bodies and
/// tables are laid out. JSON output does not pass through here: its encoder escapes what JSON requires and the
/// values must stay exactly what the database holds.
enum TerminalText {
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x00...0x1F: result += "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
            case 0x7F: result += "^?"
            default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return result
    }

    /// Controls a terminal acts on, and the invisible characters that reorder how a line reads (Trojan Source).
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
