import ClaimDeskDomain
import Foundation

/// Early checks of command-line values with the domain's validators, so mistakes are named before a round trip.
/// The database checks all of this again; these only make the message friendlier and earlier.
enum Input {
    static func ref(_ text: String) throws(InputError) -> ClaimRef {
        try ClaimRef.parse(text)
    }

    static func refs(_ texts: [String]) throws(InputError) -> [ClaimRef] {
        var refs: [ClaimRef] = []
        for text in texts { refs.append(try ClaimRef.parse(text)) }
        return refs
    }

    static func day(_ text: String, item: String) throws(InputError) -> Day {
        try Validation.parseDay(text, item: item)
    }

    static func url(_ text: String, item: String) throws(InputError) {
        try Validation.checkURL(text, item: item)
    }

    static func text(_ text: String, item: String, maxLength: Int, multiline: Bool = false) throws(InputError) {
        try Validation.checkText(text, item: item, maxLength: maxLength, multiline: multiline)
    }

    static func toolSlug(_ text: String) throws(InputError) -> ToolSlug {
        try Slug.check(text, kind: "tool slug", in: text)
        return ToolSlug(text)
    }

    /// `deepseek/consumer` → the tool and the tier.
    static func tier(_ text: String) throws(InputError) -> (tool: ToolSlug, tier: TierSlug) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw InputError(
                item: text, problem: "is not a plan tier", fix: "write TOOL/TIER, e.g. deepseek/consumer")
        }
        try Slug.check(String(parts[0]), kind: "tool slug", in: text)
        try Slug.check(String(parts[1]), kind: "tier slug", in: text)
        return (ToolSlug(String(parts[0])), TierSlug(String(parts[1])))
    }

    /// A verdict key's shape only: which verdicts a topic has is data the database holds.
    static func verdict(_ text: String, item: String) throws(InputError) -> VerdictKey {
        guard Slug.isValid(text, allowUnderscore: true) else {
            throw InputError(
                item: item, problem: "\"\(text)\" is not a verdict key",
                fix: "use a key such as trains_by_default; claimdesk topic list shows each topic's verdicts")
        }
        return VerdictKey(text)
    }

    /// The body may be empty, but not longer than the database allows.
    static func body(_ text: String, item: String) throws(InputError) {
        guard text.count <= 20_000 else {
            throw InputError(
                item: item, problem: "is \(text.count) characters long", fix: "keep it under 20000 characters")
        }
        try Validation.checkClean(text, item: item, multiline: true)
    }

    /// `--base 3:2`: the revision id and version that `claim show` prints for the open revision.
    static func base(_ text: String) throws(InputError) -> (id: RevisionID, version: Int) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let id = Int64(parts[0]), id > 0, let version = Int(parts[1]), version > 0 else {
            throw InputError(
                item: "--base \(text)", problem: "is not a revision id and version",
                fix: "write ID:VERSION as claimdesk claim show prints it, e.g. --base 3:2")
        }
        return (RevisionID(rawValue: id), version)
    }

    /// Reads `--body-file`; `-` means standard input.
    static func readFile(_ path: String, item: String) throws(InputError) -> String {
        let data: Data
        do {
            if path == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        } catch {
            throw InputError(
                item: "\(item) \(path)", problem: "cannot be read (\(error.localizedDescription))",
                fix: "give the path of a readable UTF-8 text file, or - for standard input")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(item: "\(item) \(path)", problem: "is not UTF-8 text", fix: "save it as UTF-8")
        }
        return text
    }
}
