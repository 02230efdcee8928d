import Foundation

/// Early checks that mirror the database's constraints, so the CLI can say what is wrong before a round trip.
public enum Validation {
    /// Only http and https URLs with a host are accepted: a citation must be something a reader can open safely.
    public static func checkURL(_ text: String, item: String) throws(ValidationError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty,
            !text.contains(where: { $0.isWhitespace })
        else {
            throw ValidationError(
                item: item, problem: "\"\(text)\" is not an http(s) URL",
                fix: "give a full http:// or https:// address")
        }
    }

    /// Parses a `YYYY-MM-DD` day that is real and not after `today` (by default the same limit the database holds).
    public static func parseDay(_ text: String, item: String, today: Day = .latestOnEarth()) throws(ValidationError)
        -> Day
    {
        guard let day = Day(text) else {
            throw ValidationError(
                item: item, problem: "\"\(text)\" is not a real date", fix: "write it as YYYY-MM-DD, e.g. 2026-06-01")
        }
        guard day <= today else {
            throw ValidationError(
                item: item, problem: "\(text) is in the future",
                fix: "give the day it was actually checked; no place on Earth has reached \(text) yet")
        }
        return day
    }

    public static func checkText(_ text: String, item: String, maxLength: Int = 10_000) throws(ValidationError) {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationError(item: item, problem: "is empty", fix: "give some text")
        }
        guard text.count <= maxLength else {
            throw ValidationError(
                item: item, problem: "is \(text.count) characters long", fix: "keep it under \(maxLength) characters")
        }
        guard !text.unicodeScalars.contains(where: { $0.value == 0 }) else {
            throw ValidationError(item: item, problem: "contains a NUL character", fix: "remove it")
        }
    }
}
