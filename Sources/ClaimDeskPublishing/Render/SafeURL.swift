/// Decides which texts may become an `href`: only absolute http(s) URLs with a host and no whitespace or control
/// characters. Anything else (`javascript:`, `data:`, relative paths, text with spaces) is shown as text, never linked,
/// even though the database already refuses such URLs — the page must be safe on its own.
enum SafeURL {
    static func href(_ text: String) -> String? {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = lower.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = lower.dropFirst(7)
        } else {
            return nil
        }
        guard let first = rest.first, first != "/", first != "?", first != "#", first != "@", first != ":" else {
            return nil
        }
        guard
            !text.unicodeScalars.contains(where: {
                $0.value <= 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value)
                    || $0.properties.isWhitespace || $0 == "\\" || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "`"
            })
        else { return nil }
        return text
    }
}
