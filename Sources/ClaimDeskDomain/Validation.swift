import Foundation

/// Early checks that mirror the database's constraints, so the CLI can say what is wrong before a round trip.
public enum Validation {
    /// The one URL rule (`URLRule`, the same as the database's and the site's): an http(s) URL the page links as it
    /// is. The message shows at most 80 characters of the URL and never one with credentials.
    public static func checkURL(_ text: String, item: String) throws(ValidationError) {
        guard let problem = URLRule.problem(in: text) else { return }
        let shown = problem.hasPrefix("contains credentials") ? "" : "\"\(URLRule.echo(text))\" "
        throw ValidationError(item: item, problem: "\(shown)\(problem)", fix: URLRule.fix(for: problem))
    }

    /// Parses a `YYYY-MM-DD` day that is real and not after `today` (by default the same limit the database holds).
    public static func parseDay(_ text: String, item: String, today: Day = .latestOnEarth()) throws(ValidationError)
        -> Day
    {
        guard let day = Day(text) else {
            throw ValidationError(
                item: item, problem: "\"\(URLRule.echo(text))\" is not a real date",
                fix: "write it as YYYY-MM-DD, e.g. 2026-06-01")
        }
        guard day <= today else {
            throw ValidationError(
                item: item, problem: "\(text) is in the future",
                fix: "give the day it was actually checked; no place on Earth has reached \(text) yet")
        }
        return day
    }

    /// Not blank, not too long, and clean by the database's text rule (`multiline`: line breaks and tabs allowed).
    public static func checkText(_ text: String, item: String, maxLength: Int = 10_000, multiline: Bool = false)
        throws(ValidationError)
    {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationError(item: item, problem: "is empty", fix: "give some text")
        }
        guard text.count <= maxLength else {
            throw ValidationError(
                item: item, problem: "is \(text.count) characters long", fix: "keep it under \(maxLength) characters")
        }
        try checkClean(text, item: item, multiline: multiline)
    }

    /// The database's text rule (`TextRule`), checked early so the message names the flag.
    public static func checkClean(_ text: String, item: String, multiline: Bool) throws(ValidationError) {
        guard let problem = TextRule.problem(in: text, multiline: multiline) else { return }
        throw ValidationError(
            item: item, problem: "\(problem), which is not allowed in ClaimDesk text",
            fix: multiline ? "remove it (only line breaks and tabs may appear besides printable text)" : "remove it")
    }
}
