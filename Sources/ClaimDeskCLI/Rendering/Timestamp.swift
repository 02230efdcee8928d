import Foundation

/// Instants as ISO 8601 in UTC to the second (`2026-06-01T10:00:00Z`), the form `--json` uses too.
enum Timestamp {
    /// A value type, so one shared style costs nothing per call (a date formatter object would).
    private static let style = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC") ?? .gmt)

    static func text(_ date: Date) -> String {
        style.format(date)
    }

    static func text(_ date: Date?) -> String? {
        date.map { text($0) }
    }
}
