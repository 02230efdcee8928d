import Foundation

/// An `application/x-www-form-urlencoded` body or query string, decoded strictly: a field given twice, bytes that
/// are not UTF-8 or a control character in a value make the whole form invalid.
struct FormBody: Sendable {
    let fields: [String: String]

    init?(_ text: String) {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]),
                let value = Self.decode(parts.count > 1 ? parts[1] : ""),
                fields[name] == nil
            else { return nil }
            fields[name] = value
        }
        self.fields = fields
    }

    subscript(_ name: String) -> String? { fields[name] }

    private static func decode(_ text: Substring) -> String? {
        guard let value = text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else { return nil }
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return nil }
        return value
    }
}
