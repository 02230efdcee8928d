import ClaimDeskCLI
import ClaimDeskDomain
import ClaimDeskStore
import ClaimDeskTestSupport
import Foundation
import Testing

/// A fresh database with one login role per part people play, the DeepSeek tool and its consumer tier;
/// `seedWorkflow()` adds claims in every workflow state. Commands run as the named login role.
final class Desk {
    let db: TestDatabase
    let admin: String
    let editor: String
    let editor2: String
    let reviewer: String
    /// Holds both editor and reviewer: the person most tempted to approve their own work.
    let editorReviewer: String

    /// A day safely in the past, as the CLI takes it.
    static let day = Day.today().adding(days: -30)
    static let tool = ToolSlug("deepseek")

    init(seedTool: Bool = true) throws {
        db = try TestDatabase.create()
        admin = try db.makeUser("ann", roles: ["admin"])
        editor = try db.makeUser("ed", roles: ["editor"])
        editor2 = try db.makeUser("eve", roles: ["editor"])
        reviewer = try db.makeUser("rita", roles: ["reviewer"])
        editorReviewer = try db.makeUser("erin", roles: ["editor", "reviewer"])
        if seedTool {
            let store = try db.store(as: admin)
            try store.addTool(
                Tool(
                    slug: Desk.tool, name: "DeepSeek", category: "AI chat assistant",
                    officialURL: "https://www.deepseek.com"))
            try store.addTier(
                PlanTier(tool: Desk.tool, slug: TierSlug("consumer"), name: "DeepSeek consumer app / web"))
        }
    }

    deinit { db.drop() }

    /// Runs `claimdesk arguments… --database <this database as login>`.
    func run(_ login: String, _ arguments: [String]) throws -> CLIResult {
        try CLI.run(arguments + ["--database", try db.url(as: login)])
    }

    func run(_ login: String, _ arguments: String...) throws -> CLIResult {
        try run(login, arguments)
    }

    func store(_ login: String) throws -> Store { try db.store(as: login) }

    static func ref(_ text: String) -> ClaimRef {
        ClaimRef(text) ?? ClaimRef(tool: tool, topic: TopicKey("training"))
    }

    static func content(_ topic: String, headline: String = "Yes, by default.") -> ClaimContent {
        let verdicts = [
            "training": "trains_by_default", "opt_out": "opt_out_available", "retention": "open_ended",
            "dpa": "no_dpa", "baa": "no_baa", "phi": "no_phi",
        ]
        return ClaimContent(
            verdict: verdicts[topic].map { VerdictKey($0) }, headline: headline, body: "Inputs may be used to train.",
            confidence: .medium, verifiedOn: day)
    }

    static func citation(_ n: Int = 1) -> Citation {
        Citation(
            url: "https://cdn.deepseek.com/policies/en-US/deepseek-privacy-policy-\(n).html",
            supports: "Inputs may be used to train and improve the models.", dated: day, title: "Privacy Policy")
    }

    /// Drafts `ref` as `author` (the editor by default), cited unless `cite` is false.
    @discardableResult
    func draft(_ ref: String, by author: String? = nil, cite: Bool = true, verifiedOn: Day = Desk.day) throws
        -> Revision
    {
        let store = try store(author ?? editor)
        let claim = Desk.ref(ref)
        var content = Desk.content(claim.topic.rawValue)
        content.verifiedOn = verifiedOn
        var revision = try store.draft(claim, content)
        if cite { revision = try store.cite(claim, Desk.citation()) }
        return revision
    }

    @discardableResult
    func approve(_ ref: String) throws -> Revision {
        try store(reviewer).approve(Desk.ref(ref), note: nil)
    }

    @discardableResult
    func publish(_ ref: String) throws -> Revision? {
        try store(reviewer).publish([Desk.ref(ref)]).first
    }

    /// The state every refusal test starts from:
    /// - deepseek:training is live (revision 1) and has an open draft (revision 2) edited since it was opened;
    /// - deepseek:retention is an uncited draft;
    /// - deepseek:dpa is a cited draft by the editor-reviewer;
    /// - deepseek:baa is reviewed, ready to publish;
    /// - deepseek:opt_out has never been drafted.
    /// Returns the draft of deepseek:training.
    @discardableResult
    func seedWorkflow() throws -> Revision {
        try draft("deepseek:training")
        try approve("deepseek:training")
        try publish("deepseek:training")
        let edited = try store(editor2).edit(
            Desk.ref("deepseek:training"), ClaimContent(headline: "Yes, unless you opt out."))
        try draft("deepseek:retention", cite: false)
        try draft("deepseek:dpa", by: editorReviewer)
        try draft("deepseek:baa")
        try approve("deepseek:baa")
        return edited.revision
    }
}

/// Asserts a refusal: a clean non-zero exit (never a trap), nothing on stdout, and exactly one line on stderr
/// that starts with `claimdesk: ` and names every one of `mentions`.
func expectRefusal(
    _ result: CLIResult, status: Int32? = nil, mentions: [String], sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(!result.crashed, "\(result)", sourceLocation: sourceLocation)
    #expect(result.status != 0, "\(result)", sourceLocation: sourceLocation)
    if let status { #expect(result.status == status, "\(result)", sourceLocation: sourceLocation) }
    #expect(result.stdout.isEmpty, "\(result)", sourceLocation: sourceLocation)
    #expect(result.stderrLines.count == 1, "\(result)", sourceLocation: sourceLocation)
    let line = result.stderrLines.first ?? ""
    #expect(line.hasPrefix("claimdesk: "), "\(result)", sourceLocation: sourceLocation)
    for item in mentions {
        #expect(line.contains(item), "stderr should name \(item): \(result)", sourceLocation: sourceLocation)
    }
}

/// Asserts success: exit 0 and nothing on stderr.
func expectSuccess(_ result: CLIResult, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!result.crashed && result.status == 0, "\(result)", sourceLocation: sourceLocation)
    #expect(result.stderr.isEmpty, "\(result)", sourceLocation: sourceLocation)
}

/// The CLI's exit statuses (Swift Testing has an `ExitStatus` of its own).
typealias Exit = ClaimDeskCLI.ExitStatus
