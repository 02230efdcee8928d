import ClaimDeskDomain
import Foundation

/// A mapping's entries with the path that locates it, e.g. `claims[3]`.
struct Fields {
    var path: String
    var line: Int?
    var entries: [SourceEntry]

    func entry(_ key: String) -> SourceEntry? { entries.first { $0.key == key } }

    func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}

/// Reading single fields: each either returns a checked value or reports why not, naming the path, the line and
/// what is allowed.
extension DocumentValidator {
    /// The entries of a mapping; unknown keys (typos) and repeated keys are reported.
    mutating func fields(_ node: SourceNode, path: String, what: String, allowed: [String]) -> Fields? {
        guard case .mapping(let entries, let line) = node else {
            report(
                node.line, path,
                "must be \(what) written as `key: value` lines (\(allowed.joined(separator: ", "))), "
                    + "not \(node.kindDescription)")
            return nil
        }
        let f = Fields(path: path, line: line, entries: entries)
        var seen: [String: Int?] = [:]
        for entry in entries {
            if !allowed.contains(entry.key) {
                report(
                    entry.keyLine, f.path(entry.key),
                    "is not a field of \(what)\(Suggestion.didYouMean(entry.key, in: allowed)); "
                        + "allowed fields: \(allowed.joined(separator: ", "))")
            } else if let first = seen[entry.key] {
                report(
                    entry.keyLine, f.path(entry.key),
                    "is given twice\(first.map { " (first on line \($0))" } ?? ""); give each field once")
            } else {
                seen[entry.key] = entry.keyLine
            }
        }
        return f
    }

    /// A list field; missing or empty means an empty list.
    mutating func list(_ f: Fields, _ key: String, of what: String) -> [SourceNode] {
        guard let entry = f.entry(key) else { return [] }
        switch entry.value {
        case .sequence(let items, _): return items
        case .scalar(let scalar) where scalar.kind == .null: return []
        default:
            report(
                entry.value.line ?? entry.keyLine, f.path(key),
                "must be a list of \(what) (lines starting with `- `), not \(entry.value.kindDescription)")
            return []
        }
    }

    /// A scalar field as text, trailing line breaks removed (YAML's `|` adds one that no page wants).
    mutating func scalarText(_ f: Fields, _ key: String, what: String, required: Bool = true) -> (
        text: String, line: Int?
    )? {
        guard let entry = f.entry(key) else {
            if required { report(f.line, f.path(key), "is missing; give \(what)") }
            return nil
        }
        guard case .scalar(let scalar) = entry.value else {
            report(entry.value.line, f.path(key), "must be text, not \(entry.value.kindDescription); give \(what)")
            return nil
        }
        switch scalar.kind {
        case .null:
            if required { report(entry.keyLine, f.path(key), "is empty; give \(what)") }
            return nil
        case .number, .bool:
            report(scalar.line, f.path(key), "must be text in double quotes, not \(scalar.kind); give \(what)")
            return nil
        case .text:
            var text = scalar.text
            while text.last?.isNewline == true { text.removeLast() }
            return (text, scalar.line)
        }
    }

    /// A text field: not blank, not longer than the database allows, and clean by the database's text rule
    /// (`TextRule`: an escaped NUL, a control character or a bidirectional override is reported here, at its line).
    /// Blank optional fields count as absent.
    mutating func text(
        _ f: Fields, _ key: String, what: String, maxLength: Int, required: Bool = true, multiline: Bool = false
    ) -> String? {
        guard let (text, line) = scalarText(f, key, what: what, required: required) else { return nil }
        if let problem = TextRule.problem(in: text, multiline: multiline) {
            report(
                line, f.path(key),
                "\(problem), which is not allowed in ClaimDesk text; remove it"
                    + (multiline ? " (only line breaks and tabs may appear besides printable text)" : ""))
            return nil
        }
        if text.allSatisfy(\.isWhitespace) {
            if required { report(line, f.path(key), "is blank; give \(what)") }
            return nil
        }
        if text.count > maxLength {
            report(line, f.path(key), "is \(text.count) characters long; keep it to \(maxLength)")
            return nil
        }
        return text
    }

    mutating func slugValue(_ f: Fields, _ key: String, kind: String, what: String) -> String? {
        guard let (text, line) = scalarText(f, key, what: what) else { return nil }
        guard Slug.isValid(text) else {
            report(
                line, f.path(key),
                "\"\(text)\" is not a valid \(kind); use lowercase letters, digits and inner hyphens, 1-64 characters")
            return nil
        }
        return text
    }

    /// One of a fixed set of words, e.g. a confidence.
    mutating func choice(_ f: Fields, _ key: String, kind: String, choices: [String]) -> String? {
        let list = choices.joined(separator: ", ")
        guard let (text, line) = scalarText(f, key, what: "the \(kind): one of \(list)") else { return nil }
        guard choices.contains(text) else {
            report(
                line, f.path(key),
                "\"\(text)\" is not a \(kind)\(Suggestion.didYouMean(text, in: choices)); expected one of \(list)")
            return nil
        }
        return text
    }

    /// A real `YYYY-MM-DD` day, not in the future and not implausibly old — the database's own rules.
    mutating func day(_ f: Fields, _ key: String, what: String) -> Day? {
        guard let (text, line) = scalarText(f, key, what: "\(what) as YYYY-MM-DD") else { return nil }
        guard let day = Day(text) else {
            report(
                line, f.path(key),
                "\"\(URLRule.echo(text))\" is not a real date; write it as YYYY-MM-DD, e.g. 2026-06-01")
            return nil
        }
        if day > context.today {
            report(
                line, f.path(key),
                "\(text) is in the future (no place on Earth has reached it yet); give the day it was actually checked")
            return nil
        }
        if day < DocumentValidator.earliest {
            report(line, f.path(key), "\(text) is implausibly old; give a date from 1990 on")
            return nil
        }
        return day
    }

    static let earliest = Day(year: 1990, month: 1, day: 1) ?? Day.today()

    /// An http(s) address as the database accepts it and the site links it (`URLRule`).
    mutating func url(_ f: Fields, _ key: String, what: String, required: Bool = true) -> String? {
        guard let (text, line) = scalarText(f, key, what: what, required: required) else { return nil }
        if let problem = URLRule.problem(in: text) {
            let shown = problem.hasPrefix("contains credentials") ? "" : "\"\(URLRule.echo(text))\" "
            report(line, f.path(key), "\(shown)\(problem); \(URLRule.fix(for: problem))")
            return nil
        }
        return text
    }
}
