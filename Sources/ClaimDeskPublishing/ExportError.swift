import ClaimDeskDomain
import Foundation

/// Why an export, incremental export or check could not be done; each message says what, which item, and what to do.
public enum ExportError: Error, Hashable, Sendable, LocalizedError, CustomStringConvertible {
    case invalidConfig(setting: String, value: String, fix: String)
    case invalidSlug(String)
    case duplicateTool(ToolSlug)
    case duplicateClaim(ClaimRef)
    case unknownTopic(ClaimRef)
    case unknownVerdict(ClaimRef, VerdictKey)
    case unknownTier(ClaimRef)
    case parentNotWritable(path: String, reason: String)
    case notAnExport(path: String)
    case exportRunning(path: String)
    case writeFailed(path: String, reason: String)
    case swapFailed(path: String, reason: String)
    case noPreviousExport(path: String)
    case unreadableExport(path: String, reason: String)
    case incompatibleExport(path: String, reason: String)
    case sequenceWentBackwards(path: String, exported: Int64, given: Int64)
    /// Another process put an older export in place between reading this one's position and taking the lock.
    case exportReplaced(path: String)
    case templateInvalid(name: String, reason: String)
    case templatesMissing(path: String)
    case renderFailed(template: String)

    public var description: String {
        switch self {
        case .invalidConfig(let setting, let value, let fix):
            "Export setting \(setting) \"\(value)\" is invalid; \(fix)."
        case .invalidSlug(let slug):
            "Tool slug \"\(slug)\" cannot be used as a file name; fix the tool's slug in the database (lowercase letters, digits and hyphens)."
        case .duplicateTool(let slug):
            "Tool \(slug) appears twice in the published catalogue; the export query must return each tool once."
        case .duplicateClaim(let ref):
            "Claim \(ref) has more than one live revision in the published catalogue; retract or republish it so only one is live."
        case .unknownTopic(let ref):
            "Claim \(ref) uses topic \(ref.topic), which is not in the vocabulary given to the export; add the topic or retract the claim."
        case .unknownVerdict(let ref, let verdict):
            "Claim \(ref) has verdict \(verdict), which topic \(ref.topic) does not define; add the verdict to the topic or republish the claim with a valid verdict."
        case .unknownTier(let ref):
            "Claim \(ref) is about a plan tier the tool does not list; add the tier (claimdesk tier add) or retract the claim."
        case .parentNotWritable(let path, let reason):
            "Cannot create the export next to \(path): \(reason); check that the parent folder exists and that you may write to it."
        case .notAnExport(let path):
            "\(path) exists and is not a ClaimDesk export (it has no manifest.json); choose a new or empty folder, or remove it yourself."
        case .exportRunning(let path):
            "Another export to \(path) is running (it holds .\(URL(fileURLWithPath: path).lastPathComponent).lock); wait for it to finish, then export again."
        case .writeFailed(let path, let reason):
            "Cannot write \(path): \(reason); check free space and permissions, then export again (the previous export is untouched)."
        case .swapFailed(let path, let reason):
            "Cannot put the new export in place at \(path): \(reason); the previous export is untouched, export again."
        case .noPreviousExport(let path):
            "\(path) has no previous export (no manifest.json); run a full export first (claimdesk export --out \(path))."
        case .unreadableExport(let path, let reason):
            "The existing export file \(path) cannot be used: \(reason); run a full export to rebuild the site."
        case .exportReplaced(let path):
            "The export at \(path) was replaced by an older one while this export was starting; nothing was changed. Run the same command again."
        case .incompatibleExport(let path, let reason):
            "The export at \(path) was made with \(reason); run a full export instead of an incremental one."
        case .sequenceWentBackwards(let path, let exported, let given):
            "The export at \(path) is at publish sequence \(exported) but the data given is only at \(given); read from an up-to-date database (or replica) and try again."
        case .templateInvalid(let name, let reason):
            "Template \(name) cannot be parsed: \(reason); fix the template."
        case .templatesMissing(let path):
            "No Mustache templates found at \(path); reinstall claimdesk or point it at a folder with tool.mustache and index.mustache."
        case .renderFailed(let template):
            "Template \(template) is missing from the template set; restore it and export again."
        }
    }

    public var errorDescription: String? { description }
}
