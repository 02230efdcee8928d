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

    /// `--base 3:2`: the revision id and version that `claim show` prints for the open revision. Both must fit the
    /// database's columns (a bigint id, an integer version), so an impossible pair is refused here as bad input.
    static func base(_ text: String) throws(InputError) -> (id: RevisionID, version: Int) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        let item = "--base \(SafeFile.clip(text))"
        guard parts.count == 2,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else {
            throw InputError(
                item: item, problem: "is not a revision id and version",
                fix: "write ID:VERSION as claimdesk claim show prints it, e.g. --base 3:2")
        }
        guard let id = Int64(parts[0]), id > 0, let version = Int32(parts[1]), version > 0 else {
            throw InputError(
                item: item, problem: "is out of range (ids go up to 9223372036854775807, versions up to 2147483647)",
                fix: "copy ID:VERSION exactly as claimdesk claim show prints it")
        }
        return (RevisionID(rawValue: id), Int(version))
    }

    /// The most `--body-file` reads: a body is at most 20,000 characters of at most 4 UTF-8 bytes each, plus room
    /// for the trailing newlines that are dropped. A longer input is refused without reading the rest of it.
    static let bodyFileByteLimit = 20_000 * 4 + 4096

    /// Reads `--body-file`; `-` means standard input. Reads at most `bodyFileByteLimit` bytes, so a huge file or an
    /// endless stream (`/dev/zero`, a runaway pipe) is refused quickly instead of filling memory.
    static func readFile(_ path: String, item: String) throws(InputError) -> String {
        let shown = "\(item) \(SafeFile.clip(path))"
        let data: Data
        do {
            let handle: FileHandle
            if path == "-" {
                handle = FileHandle.standardInput
            } else {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                    throw InputError(item: shown, problem: "is a directory", fix: "give the path of a UTF-8 text file")
                }
                handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            }
            defer { if path != "-" { try? handle.close() } }
            var buffer = Data()
            while buffer.count <= bodyFileByteLimit {
                guard let chunk = try handle.read(upToCount: bodyFileByteLimit + 1 - buffer.count), !chunk.isEmpty
                else { break }
                buffer.append(chunk)
            }
            data = buffer
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(
                item: shown, problem: "cannot be read (\(error.localizedDescription))",
                fix: "give the path of a readable UTF-8 text file, or - for standard input")
        }
        if data.count > bodyFileByteLimit {
            throw InputError(
                item: shown,
                problem: "is longer than 20000 characters (stopped reading after \(bodyFileByteLimit) bytes)",
                fix: "keep the body under 20000 characters")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(item: shown, problem: "is not UTF-8 text", fix: "save it as UTF-8")
        }
        return text
    }
}
