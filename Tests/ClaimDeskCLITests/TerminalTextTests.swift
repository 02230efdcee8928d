import Testing

@testable import ClaimDeskCLI

@Suite("Control characters in stored text are shown, never acted on")
struct TerminalTextTests {
    @Test("C0 controls and DEL in caret notation, C1 and bidi controls as \\u{…}; newlines and tabs stay")
    func visible() {
        #expect(TerminalText.visible("\u{1B}[2Jcleared") == "^[[2Jcleared")
        #expect(TerminalText.visible("a\rb\u{07}\u{08}\u{7F}") == "a^Mb^G^H^?")
        #expect(TerminalText.visible("\u{9B}31m") == "\\u{9B}31m")
        #expect(TerminalText.visible("\u{1B}]0;title\u{07}") == "^[]0;title^G")
        #expect(TerminalText.visible("abc\u{202E}fed\u{2066}") == "abc\\u{202E}fed\\u{2066}")
        #expect(TerminalText.visible("line one\n\tindented") == "line one\n\tindented")
        #expect(TerminalText.visible("Crème brûlée — 日本語 ✓") == "Crème brûlée — 日本語 ✓")
        #expect(TerminalText.visible("\r\n") == "^M\n", "CRLF is one Character but two scalars: the CR shows")
        #expect(TerminalText.visible("\u{0}") == "^@")
    }
}
