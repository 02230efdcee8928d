/// The one URL rule, shared by the database (`claimdesk.url_problem`, which `claimdesk.is_http_url` and the URL
/// CHECK constraints apply), the CLI's early checks, the import validator and the site's links: every URL the
/// database accepts is linked on the page, and a URL the page would not link is refused at entry. A store test
/// holds this mirror and the SQL function to the same answers.
public enum URLRule {
    public static let maxLength = 2048

    /// `nil` when `text` is an http(s) URL the site links as it is, else what is wrong, as a phrase that follows the
    /// URL ("contains credentials (user:password@)").
    public static func problem(in text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        if scalars.count > maxLength { return "is longer than 2,048 characters" }
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
            return "is not an http:// or https:// address"
        }
        if let index = scalars.firstIndex(where: isRefused) {
            return "contains \(TextRule.label(scalars[index])) at character \(index + 1)"
        }
        let rest = scalars.dropFirst(lower.hasPrefix("https://") ? 8 : 7)
        let authority = String(String.UnicodeScalarView(rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }))
        if authority.unicodeScalars.contains("@") { return "contains credentials (user:password@)" }
        if authority.isEmpty { return "has no host" }
        guard isHostAndPort(authority) else { return "has an invalid host or port" }
        return nil
    }

    public static func isValid(_ text: String) -> Bool {
        var text = text
        if let answer = text.withUTF8(asciiVerdict) { return answer }
        return problem(in: text) == nil
    }

    /// `isValid` for a pure-ASCII text straight from its bytes (the site links every cited URL, several times per
    /// page, and `problem(in:)` allocates); nil when the text is not ASCII and the full rule must answer.
    private static func asciiVerdict(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var refused = false
        for byte in bytes {
            if byte >= 0x80 { return nil }
            switch byte {
            case 0x00...0x20, 0x7F, 0x22, 0x3C, 0x3E, 0x5C, 0x60: refused = true
            default: break
            }
        }
        guard bytes.count <= maxLength, !refused else { return false }
        func lower(_ index: Int) -> UInt8 {
            let byte = bytes[index]
            return (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
        }
        func hasPrefix(_ prefix: StaticString) -> Bool {
            guard bytes.count >= prefix.utf8CodeUnitCount else { return false }
            return (0..<prefix.utf8CodeUnitCount).allSatisfy { lower($0) == prefix.utf8Start[$0] }
        }
        let schemeLength: Int
        if hasPrefix("https://") {
            schemeLength = 8
        } else if hasPrefix("http://") {
            schemeLength = 7
        } else {
            return false
        }
        var end = schemeLength
        while end < bytes.count, bytes[end] != 0x2F, bytes[end] != 0x3F, bytes[end] != 0x23 { end += 1 }
        let authority = bytes[schemeLength..<end]
        if authority.isEmpty || authority.contains(0x40) { return false }
        var host = authority
        if let colon = authority.lastIndex(of: 0x3A), !authority[colon...].contains(0x5D) {
            let port = authority[(colon + 1)...]
            guard (1...5).contains(port.count), port.allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
            host = authority[..<colon]
        }
        if host.first == 0x5B {
            let inner = host.dropFirst().dropLast()
            return host.count > 2 && host.last == 0x5D
                && inner.allSatisfy { byte in
                    (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) || (0x41...0x46).contains(byte)
                        || byte == 0x3A || byte == 0x2E
                }
        }
        return !host.isEmpty && !host.contains(0x3A) && !host.contains(0x5B) && !host.contains(0x5D)
    }

    /// Whitespace, controls, invisible and bidirectional characters, and what HTML or a reader would misread.
    static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x20, 0x7F...0xA0, 0x1680, 0x2000...0x200F, 0x2028...0x202F, 0x205F, 0x2066...0x2069, 0x3000,
            0xFEFF:
            return true
        case 0x22, 0x3C, 0x3E, 0x5C, 0x60: return true
        default: return false
        }
    }

    /// `host` or `host:port` (1-5 digits), the host without `:`, `[` or `]` unless it is a bracketed IPv6 literal.
    static func isHostAndPort(_ authority: String) -> Bool {
        var host = Array(authority.unicodeScalars)
        if let colon = host.lastIndex(of: ":"), !host[colon...].contains("]") {
            let port = host[(colon + 1)...]
            guard (1...5).contains(port.count), port.allSatisfy({ ("0"..."9").contains($0) }) else { return false }
            host = Array(host[..<colon])
        }
        if host.first == "[" {
            let inner = host.dropFirst().dropLast()
            return host.count > 2 && host.last == "]"
                && inner.allSatisfy { "0123456789abcdefABCDEF:.".unicodeScalars.contains($0) }
        }
        return !host.isEmpty && !host.contains(":") && !host.contains("[") && !host.contains("]")
    }

    /// At most 80 characters of `text` for an error line: long input is cut with "…".
    public static func echo(_ text: String) -> String {
        text.unicodeScalars.count > 80 ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(60))) + "…" : text
    }

    /// One line for `item`: `official URL "…" contains …`, never repeating a URL with credentials.
    public static func message(item: String, url: String, problem: String) -> String {
        problem.hasPrefix("contains credentials") ? "\(item) \(problem)" : "\(item) \"\(echo(url))\" \(problem)"
    }

    /// What to do about `problem`, as the database's hint says it.
    public static func fix(for problem: String) -> String {
        if problem.hasPrefix("contains credentials") { return "give the address without user name or password" }
        if problem.hasPrefix("contains") { return "percent-encode that character (e.g. %20 for a space, %3C for <)" }
        if problem.hasPrefix("is longer") { return "cite a shorter address for the same page" }
        return "give a full http:// or https:// address"
    }
}
