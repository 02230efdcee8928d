import ClaimDeskDomain

/// Walks a parsed file and builds the document from it, collecting every problem instead of stopping at the
/// first, so that one round of fixes is enough.
struct DocumentValidator {
    static let documentKeys = ["tools", "claims"]
    static let toolKeys = ["slug", "name", "category", "url", "tiers"]
    static let tierKeys = ["slug", "name"]
    static let claimKeys = ["ref", "verdict", "headline", "body", "confidence", "verified", "verified_by", "citations"]
    static let formKeys = claimKeys.filter { $0 != "ref" }
    static let citationKeys = ["url", "supports", "dated", "title", "archived_url", "quote"]

    let file: String
    let context: AuthoringContext
    var problems: [Problem] = []
    /// Tools (and their tiers) the file declares, even in entries with other problems, so that a typo in a tool's
    /// URL is not also reported as "unknown tool" on every claim.
    private var declared: [ToolSlug: [TierSlug]] = [:]
    /// Set when the `tools` section could not be read, so tools missing from `declared` may just be unreadable.
    private var toolsUnreadable = false

    init(file: String, context: AuthoringContext) {
        self.file = file
        self.context = context
    }

    mutating func report(_ line: Int?, _ path: String, _ message: String) {
        problems.append(Problem(file: file, line: line, path: path, message: message))
    }

    /// The whole file: `tools:` and `claims:` at the top.
    mutating func document(_ root: SourceNode?) -> AuthoringDocument {
        guard let root else {
            report(nil, "", "is empty; expected `tools:` and/or `claims:` (see samples/deepseek.yaml)")
            return AuthoringDocument()
        }
        guard let top = fields(root, path: "", what: "an authoring file", allowed: DocumentValidator.documentKeys)
        else { return AuthoringDocument() }
        var document = AuthoringDocument()
        var toolLines: [ToolSlug: (index: Int, line: Int?)] = [:]
        for (index, node) in list(top, "tools", of: "tools").enumerated() {
            let path = "tools[\(index)]"
            guard let tool = tool(node, path: path) else { continue }
            if let first = toolLines[tool.slug] {
                report(
                    node.line, "\(path).slug",
                    "\(tool.slug) appears twice (first at tools[\(first.index)]\(Self.onLine(first.line))); "
                        + "describe each tool once")
                continue
            }
            toolLines[tool.slug] = (index, node.line)
            document.tools.append(tool)
        }
        if let tools = top.entry("tools")?.value, !tools.isNull, !tools.isSequence { toolsUnreadable = true }
        // A misspelt top-level key (`tool:`) may hold the tools the claims refer to.
        if top.entries.contains(where: { !DocumentValidator.documentKeys.contains($0.key) }) { toolsUnreadable = true }
        var claimLines: [ClaimRef: (index: Int, line: Int?)] = [:]
        for (index, node) in list(top, "claims", of: "claims").enumerated() {
            let path = "claims[\(index)]"
            guard let f = fields(node, path: path, what: "a claim", allowed: DocumentValidator.claimKeys) else {
                continue
            }
            let ref = claimRef(f)
            if let ref, let first = claimLines[ref] {
                report(
                    f.entry("ref")?.value.line ?? node.line, f.path("ref"),
                    "\(ref) appears twice (first at claims[\(first.index)]\(Self.onLine(first.line))); "
                        + "keep one entry per claim")
            } else if let ref {
                claimLines[ref] = (index, node.line)
            }
            if let entry = claim(f, ref: ref) { document.claims.append(entry) }
        }
        return document
    }

    static func onLine(_ line: Int?) -> String { line.map { ", line \($0)" } ?? "" }

    private mutating func tool(_ node: SourceNode, path: String) -> ToolEntry? {
        guard let f = fields(node, path: path, what: "a tool", allowed: DocumentValidator.toolKeys) else {
            toolsUnreadable = true
            return nil
        }
        let before = problems.count
        let slug = slugValue(f, "slug", kind: "tool slug", what: "the tool's slug, e.g. deepseek")
        let name = text(f, "name", what: "the tool's name, e.g. DeepSeek", maxLength: 200)
        let category = text(f, "category", what: "its category, e.g. AI chat assistant", maxLength: 200)
        let url = self.url(f, "url", what: "the official site's address")
        if let slug { declared[ToolSlug(slug), default: []] += [] } else { toolsUnreadable = true }
        var tiers: [TierEntry] = []
        var seen: [String: Int] = [:]
        for (index, tierNode) in list(f, "tiers", of: "plan tiers").enumerated() {
            let tierPath = "\(f.path("tiers"))[\(index)]"
            guard let t = fields(tierNode, path: tierPath, what: "a plan tier", allowed: DocumentValidator.tierKeys)
            else {
                toolsUnreadable = true
                continue
            }
            let tierSlug = slugValue(t, "slug", kind: "tier slug", what: "the tier's slug, e.g. consumer")
            let tierName = text(t, "name", what: "the tier's name, e.g. DeepSeek consumer app / web", maxLength: 200)
            if let tierSlug, let slug {
                declared[ToolSlug(slug), default: []].append(TierSlug(tierSlug))
            } else {
                toolsUnreadable = true
            }
            guard let tierSlug, let tierName else { continue }
            if let first = seen[tierSlug] {
                report(
                    tierNode.line, t.path("slug"),
                    "\(tierSlug) appears twice in this tool (first at tiers[\(first)]); list each tier once")
                continue
            }
            seen[tierSlug] = index
            tiers.append(TierEntry(slug: TierSlug(tierSlug), name: tierName))
        }
        guard problems.count == before, let slug, let name, let category, let url else { return nil }
        return ToolEntry(slug: ToolSlug(slug), name: name, category: category, url: url, tiers: tiers)
    }

    /// The claim's reference, checked against the vocabulary and against the tools and tiers known to the file
    /// or the database.
    private mutating func claimRef(_ f: Fields) -> ClaimRef? {
        guard
            let (text, line) = scalarText(
                f, "ref", what: "the claim, e.g. deepseek:training or deepseek/consumer:training")
        else { return nil }
        let path = f.path("ref")
        let ref: ClaimRef
        do {
            ref = try ClaimRef.parse(text)
        } catch {
            report(line, path, "\"\(text)\" \(error.problem); \(error.fix)")
            return nil
        }
        var ok = true
        if context.topic(ref.topic) == nil {
            let keys = context.topics.map(\.key.rawValue)
            report(
                line, path,
                "\"\(text)\" names the unknown topic \(ref.topic)\(Suggestion.didYouMean(ref.topic.rawValue, in: keys)); "
                    + "expected one of \(keys.joined(separator: ", "))")
            ok = false
        }
        let fileTiers = declared[ref.tool]
        let knownTool = fileTiers != nil || context.tools.contains { $0.slug == ref.tool }
        if !knownTool && toolsUnreadable {
            // The file's tools have problems of their own; do not guess whether this one is among them.
        } else if !knownTool {
            let slugs = Set(declared.keys.map(\.rawValue) + context.tools.map(\.slug.rawValue)).sorted()
            report(
                line, path,
                "\"\(text)\" names the tool \(ref.tool)\(Suggestion.didYouMean(ref.tool.rawValue, in: slugs)), which is "
                    + "neither in this file's tools nor in the database; add it under tools (an admin's import "
                    + "creates it) or fix the slug")
            ok = false
        } else if let tier = ref.tier, !toolsUnreadable {
            let dbTiers = context.tiers.filter { $0.tool == ref.tool }.map(\.slug)
            if !((fileTiers ?? []) + dbTiers).contains(tier) {
                let known = Set(((fileTiers ?? []) + dbTiers).map(\.rawValue)).sorted()
                let listed = known.isEmpty ? "it has none yet" : "known tiers: \(known.joined(separator: ", "))"
                report(
                    line, path,
                    "\"\(text)\" names the plan tier \(ref.tool)/\(tier)\(Suggestion.didYouMean(tier.rawValue, in: known)), "
                        + "which is neither listed under the tool's tiers in this file nor in the database (\(listed)); "
                        + "add it under tools[].tiers or fix the slug")
                ok = false
            }
        }
        return ok ? ref : nil
    }

    /// The content of one claim (a file's entry, or the `claim edit` form when `ref` is given by the caller).
    /// Nil when anything is wrong; the problems say what.
    mutating func claim(_ f: Fields, ref: ClaimRef?) -> ClaimEntry? {
        let before = problems.count
        let topic = ref.flatMap { context.topic($0.topic) }
        let verdict = verdictValue(f, topic: topic)
        let headline = text(f, "headline", what: "the short answer, e.g. \"Yes, by default.\"", maxLength: 500)
        let body = text(f, "body", what: "the detail", maxLength: 20_000, required: false, multiline: true) ?? ""
        let confidence = choice(
            f, "confidence", kind: "confidence", choices: Confidence.allCases.map(\.rawValue)
        ).flatMap(Confidence.init(rawValue:))
        let verified = day(f, "verified", what: "the day it was checked")
        let verifiedBy = text(f, "verified_by", what: "who checked it", maxLength: 200, required: false)
        var citations: [CitationEntry] = []
        var seen: [String: (index: Int, line: Int?)] = [:]
        for (index, node) in list(f, "citations", of: "citations").enumerated() {
            let path = "\(f.path("citations"))[\(index)]"
            guard let c = fields(node, path: path, what: "a citation", allowed: DocumentValidator.citationKeys),
                let citation = citation(c)
            else { continue }
            if let first = seen[citation.url] {
                report(
                    c.entry("url")?.value.line ?? node.line, c.path("url"),
                    "\(citation.url) is cited twice in this claim (first at citations[\(first.index)]"
                        + "\(Self.onLine(first.line))); cite each source once")
                continue
            }
            seen[citation.url] = (index, node.line)
            citations.append(citation)
        }
        guard problems.count == before, let ref, let headline, let confidence, let verified else { return nil }
        return ClaimEntry(
            ref: ref, verdict: verdict, headline: headline, body: body, confidence: confidence, verified: verified,
            verifiedBy: verifiedBy, citations: citations)
    }

    private mutating func verdictValue(_ f: Fields, topic: Topic?) -> VerdictKey? {
        let path = f.path("verdict")
        guard let topic else {
            // The reference is wrong and already reported; still check the verdict's type.
            return scalarText(f, "verdict", what: "", required: false).map { VerdictKey($0.text) }
        }
        let keys = topic.verdicts.map(\.key.rawValue)
        if keys.isEmpty {
            if let entry = f.entry("verdict"), !entry.value.isNull {
                report(entry.keyLine, path, "must be left out: topic \(topic.key) takes no verdict, only prose")
            }
            return nil
        }
        guard
            let (text, line) = scalarText(
                f, "verdict", what: "a verdict of topic \(topic.key): one of \(keys.joined(separator: ", "))")
        else { return nil }
        guard keys.contains(text) else {
            report(
                line, path,
                "\"\(text)\" is not a verdict of topic \(topic.key)\(Suggestion.didYouMean(text, in: keys)); "
                    + "expected one of \(keys.joined(separator: ", "))")
            return nil
        }
        return VerdictKey(text)
    }

    private mutating func citation(_ c: Fields) -> CitationEntry? {
        let before = problems.count
        let url = self.url(c, "url", what: "the source's http(s) address")
        let supports = text(c, "supports", what: "what the source supports, in one sentence", maxLength: 2000)
        let dated = day(c, "dated", what: "the date of the source as cited")
        let title = text(c, "title", what: "the source's title", maxLength: 500, required: false)
        let archived = self.url(c, "archived_url", what: "an archived copy's address", required: false)
        let quote = text(
            c, "quote", what: "the exact sentence(s) of the source that support the claim", maxLength: 2000,
            required: false)
        guard problems.count == before, let url, let supports, let dated else { return nil }
        return CitationEntry(
            url: url, supports: supports, dated: dated, title: title, archivedURL: archived, quote: quote)
    }
}

extension SourceNode {
    var isNull: Bool {
        if case .scalar(let scalar) = self, scalar.kind == .null { return true }
        return false
    }

    var isSequence: Bool {
        if case .sequence = self { return true }
        return false
    }
}
