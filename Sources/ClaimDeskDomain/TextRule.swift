/// The database's text rule (`claimdesk.text_problem` in sql/0010_text_hygiene.sql), mirrored so an import file's
/// problem can be reported at its FILE:LINE before anything is sent. Text that could display differently from what
/// it says is refused: control characters (line breaks and tabs only in multi-line fields), DEL, C1 controls and the
/// bidirectional overrides and isolates U+202A–U+202E, U+2066–U+2069. A store test holds both to the same answers.
public enum TextRule {
    /// `nil` when `text` is clean, else "character N is U+XXXX (name)"; N counts Unicode scalars from 1, as
    /// PostgreSQL's `length()` does.
    public static func problem(in text: String, multiline: Bool) -> String? {
        var position = 0
        for scalar in text.unicodeScalars {
            position += 1
            if isRefused(scalar, multiline: multiline) {
                return "character \(position) is \(label(scalar))"
            }
        }
        return nil
    }

    static func isRefused(_ scalar: Unicode.Scalar, multiline: Bool) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return !multiline
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `U+202E (right-to-left override)`: the code point and a name a reader understands (`claimdesk.char_label`).
    public static func label(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let name: String
        switch scalar.value {
        case 0x09: name = "tab"
        case 0x0A: name = "line break"
        case 0x0D: name = "carriage return"
        case 0x1B: name = "escape, a control character"
        case 0x20: name = "space"
        case 0x7F: name = "delete, a control character"
        case 0xA0: name = "no-break space"
        case 0x200B: name = "zero-width space"
        case 0x200C: name = "zero-width non-joiner"
        case 0x200D: name = "zero-width joiner"
        case 0x200E: name = "left-to-right mark"
        case 0x200F: name = "right-to-left mark"
        case 0x202A: name = "left-to-right embedding"
        case 0x202B: name = "right-to-left embedding"
        case 0x202C: name = "pop directional formatting"
        case 0x202D: name = "left-to-right override"
        case 0x202E: name = "right-to-left override"
        case 0x2066: name = "left-to-right isolate"
        case 0x2067: name = "right-to-left isolate"
        case 0x2068: name = "first strong isolate"
        case 0x2069: name = "pop directional isolate"
        case 0xFEFF: name = "zero-width no-break space"
        case 0x00...0x1F, 0x80...0x9F: name = "a control character"
        case 0x22, 0x3C, 0x3E, 0x5C, 0x60: name = "\"\(Character(scalar))\""
        default: name = "a space character"
        }
        return "\(code) (\(name))"
    }
}
