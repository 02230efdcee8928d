import ClaimDeskDomain
import Testing

/// `URLRule.isValid` answers ASCII URLs from their bytes; it must agree with the full rule (`problem(in:)`, the
/// mirror of the database's `claimdesk.url_problem`) on every text.
@Suite("The URL rule's fast path")
struct URLRuleFastPathTests {
    static let cases = [
        "https://example.com", "HTTPS://EXAMPLE.COM/x", "http://a", "http://", "https://", "http:/x", "ftp://a",
        "https://a:80", "https://a:", "https://a:123456", "https://a:8a", "https://[::1]", "https://[::1]:443/p",
        "https://[]", "https://[g::1]", "https://[::1", "https://a]b", "https://a[b", "https://u@a", "https://a/@b",
        "https://a?@b", "https://a#@", "https://a b", "https://a\tb", "https://a/\u{7F}", "https://a/\"", "https://a/<",
        "https://a/>", "https://a/\\", "https://a/`", "https://a/'", "https://a/{x}", "https://:80", "https://a::80",
        "https://bücher.example", "https://a/\u{A0}", "https://a/\u{202E}", "HtTp://Mixed.Case/Path?Q#F", "",
        "https://" + String(repeating: "a", count: 2041), "https://" + String(repeating: "a", count: 2040),
    ]

    @Test("agrees with the full rule on edge cases")
    func edgeCases() {
        for text in Self.cases {
            #expect(URLRule.isValid(text) == (URLRule.problem(in: text) == nil), "\(text.prefix(40))")
        }
    }

    @Test("agrees with the full rule on 50,000 random texts built from the characters that matter")
    func randomTexts() {
        let alphabet = Array("hHtTpPsS:/[]@?#.0123456789abcdefgAF xyz<>\"'\\`\u{7F}\t%-_~é")
        let prefixes = ["http://", "https://", "HTTPS://", "htp://", ""]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50_000 {
            let length = Int.random(in: 0...24, using: &generator)
            let body = String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "a" })
            let text = (prefixes.randomElement(using: &generator) ?? "") + body
            #expect(URLRule.isValid(text) == (URLRule.problem(in: text) == nil), "\(text)")
        }
    }
}
