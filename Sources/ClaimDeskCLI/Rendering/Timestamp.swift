import Foundation

/// Instants as ISO 8601 in UTC to the second (`2026-06-01T10:00:00Z`), the form `--json` uses too.
enum Timestamp {
    static func text(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    static func text(_ date: Date?) -> String? {
        date.map { text($0) }
    }
}
