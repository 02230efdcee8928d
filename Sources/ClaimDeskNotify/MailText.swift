import Foundation

/// Small text rules for mail headers: no line breaks or control characters from data ever reach a header, and
/// non-ASCII header text is encoded (RFC 2047) instead of sent raw.
public enum MailText {
    /// One header-safe line: control characters (CR and LF included) become spaces, length is capped.
    static func line(_ text: String, max: Int = 200) -> String {
        let cleaned = String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
        return String(cleaned.prefix(max))
    }

    /// A header value: ASCII as is, anything else as RFC 2047 base64 encoded-words.
    static func header(_ text: String) -> String {
        let value = line(text)
        guard !value.unicodeScalars.allSatisfy({ $0.isASCII }) else { return value }
        // Encoded-words are at most 75 characters: split the text into chunks of whole characters.
        var words: [String] = []
        var chunk = ""
        for character in value {
            if (chunk + String(character)).utf8.count > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?utf-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    /// The same shape the database accepts (claimdesk.is_email), for settings checked before connecting.
    public static func isAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, text.utf8.count <= 254, !parts[0].isEmpty, parts[0].utf8.count <= 64,
            parts[1].contains(".")
        else { return false }
        let local = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-")
        let domain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
        return parts[0].allSatisfy(local.contains) && parts[1].allSatisfy(domain.contains)
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".") && !parts[1].contains("..")
    }

    /// `Tue, 01 Dec 2026 09:00:00 +0000` (RFC 5322 date), without locale-dependent formatters.
    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
