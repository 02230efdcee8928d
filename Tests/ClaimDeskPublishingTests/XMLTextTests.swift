import Testing

@testable import ClaimDeskPublishing

/// The feeds' escaping works on bytes; it must give exactly what the scalar-by-scalar rule gives.
@Suite("XML escaping in the feeds")
struct XMLTextTests {
    /// The rule, one scalar at a time, as it was first written.
    static func reference(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    @Test("edge cases: markup, quotes, dropped controls, U+FFFE/U+FFFF, non-ASCII next to them")
    func edgeCases() {
        let cases = [
            "", "plain", "a&b", "<tag attr=\"x\">it's</tag>", "\u{01}", "\u{01}x\u{02}", "tab\there\nline\rret",
            "\u{FFFE}", "x\u{FFFF}y", "\u{FFFD}\u{FEFF}", "é&ü", "日本<語>", "end&", "&start", "👩‍💻'\"",
        ]
        for text in cases { #expect(XMLText.escape(text) == Self.reference(text), "\(text.debugDescription)") }
    }

    @Test("agrees with the scalar rule on 20,000 random texts")
    func randomTexts() {
        let alphabet: [Unicode.Scalar] = [
            "a", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\u{00}", "\u{1F}", "é",
            "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{EFBF}", "日", "\u{1F469}", " ",
        ]
        for _ in 0..<20_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...16) { text.append(alphabet.randomElement() ?? "a") }
            let string = String(text)
            #expect(XMLText.escape(string) == Self.reference(string), "\(string.debugDescription)")
        }
    }

    @Test("appending to a buffer gives the escaped text after what the buffer held, changed or not")
    func appendToBuffer() {
        let alphabet: [Unicode.Scalar] = ["a", "&", "<", "'", "\n", "\u{01}", "é", "\u{FFFF}", "日", " "]
        for _ in 0..<5_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...12) { text.append(alphabet.randomElement() ?? "a") }
            let string = String(text)
            var buffer = Array("prefix<".utf8)
            XMLText.append(string, to: &buffer)
            #expect(String(decoding: buffer, as: UTF8.self) == "prefix<" + Self.reference(string))
        }
    }
}
