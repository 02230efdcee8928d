import ClaimDeskCLI
import ClaimDeskDomain
import Foundation
import Testing

/// One refused command: who runs it, with what, which exit status, and what the error line must name.
/// `{me}` stands for the login role running it, `{day}` for a valid past day, `{stale}` for an outdated --base.
struct Refusal: Sendable, CustomTestStringConvertible {
    enum Who: Sendable { case admin, editor, reviewer, editorReviewer }

    var name: String
    var who: Who
    var arguments: [String]
    var status: Exit
    var mentions: [String]

    var testDescription: String { name }

    static func draft(_ ref: String, verdict: String = "trains_by_default", verified: String = "{day}") -> [String] {
        [
            "claim", "draft", ref, "--verdict", verdict, "--headline", "H", "--confidence", "high", "--verified",
            verified,
        ]
    }

    static func cite(_ ref: String, url: String = "https://example.com/p", dated: String = "{day}") -> [String] {
        ["cite", ref, "--url", url, "--supports", "It says so.", "--dated", dated]
    }

    static let all: [Refusal] = [
        Refusal(
            name: "unknown tool", who: .editor, arguments: draft("nosuch:training"), status: .notFound,
            mentions: ["nosuch:training", "\"nosuch\""]),
        Refusal(
            name: "unknown tier", who: .editor, arguments: draft("deepseek/enterprise:training"), status: .notFound,
            mentions: ["deepseek/enterprise"]),
        Refusal(
            name: "unknown topic", who: .editor, arguments: draft("deepseek:weather"), status: .notFound,
            mentions: ["deepseek:weather", "\"weather\""]),
        Refusal(
            name: "unknown ref", who: .reviewer, arguments: ["review", "approve", "deepseek:opt_out"],
            status: .notFound, mentions: ["deepseek:opt_out"]),
        Refusal(
            name: "unknown tool shown", who: .editor, arguments: ["tool", "show", "nosuch"], status: .notFound,
            mentions: ["\"nosuch\""]),
        Refusal(
            name: "tier of an unknown tool", who: .admin, arguments: ["tier", "add", "nosuch/pro", "--name", "Pro"],
            status: .notFound, mentions: ["nosuch/pro"]),
        Refusal(
            name: "malformed ref", who: .editor, arguments: ["claim", "show", "DeepSeek"], status: .invalid,
            mentions: ["DeepSeek"]),
        Refusal(
            name: "verdict outside the topic's vocabulary", who: .editor, arguments: draft("deepseek:opt_out"),
            status: .invalid, mentions: ["deepseek:opt_out", "trains_by_default"]),
        Refusal(
            name: "impossible verified date", who: .editor,
            arguments: draft("deepseek:opt_out", verdict: "opt_out_available", verified: "2026-02-30"),
            status: .invalid, mentions: ["--verified", "2026-02-30"]),
        Refusal(
            name: "future verified date", who: .editor,
            arguments: draft("deepseek:opt_out", verdict: "opt_out_available", verified: "2999-01-01"),
            status: .invalid, mentions: ["--verified", "2999-01-01"]),
        Refusal(
            name: "future citation date", who: .editor, arguments: cite("deepseek:training", dated: "2999-01-01"),
            status: .invalid, mentions: ["--dated", "2999-01-01"]),
        Refusal(
            name: "non-http citation URL", who: .editor,
            arguments: cite("deepseek:training", url: "ftp://example.com/policy"), status: .invalid,
            mentions: ["ftp://example.com/policy"]),
        Refusal(
            name: "non-http tool URL", who: .admin,
            arguments: ["tool", "add", "acme", "--name", "Acme", "--category", "Chat", "--url", "javascript:alert(1)"],
            status: .invalid, mentions: ["javascript:alert(1)"]),
        Refusal(
            name: "editor adds a tool", who: .editor,
            arguments: [
                "tool", "add", "acme", "--name", "Acme", "--category", "Chat", "--url", "https://acme.example",
            ], status: .forbidden, mentions: ["{me}", "admin"]),
        Refusal(
            name: "reviewer drafts", who: .reviewer, arguments: draft("deepseek:opt_out", verdict: "opt_out_available"),
            status: .forbidden, mentions: ["{me}", "editor"]),
        Refusal(
            name: "editor approves", who: .editor, arguments: ["review", "approve", "deepseek:dpa"], status: .forbidden,
            mentions: ["{me}", "reviewer"]),
        Refusal(
            name: "editor publishes", who: .editor, arguments: ["publish", "deepseek:baa"], status: .forbidden,
            mentions: ["{me}", "reviewer"]),
        Refusal(
            name: "self-approval", who: .editorReviewer, arguments: ["review", "approve", "deepseek:dpa"],
            status: .forbidden, mentions: ["{me}", "deepseek:dpa"]),
        Refusal(
            name: "stale edit with --base", who: .editor,
            arguments: ["claim", "edit", "deepseek:training", "--headline", "No.", "--base", "{stale}"], status: .stale,
            mentions: ["deepseek:training", "changed"]),
        Refusal(
            name: "publishing an unreviewed draft", who: .reviewer, arguments: ["publish", "deepseek:training"],
            status: .conflict, mentions: ["deepseek:training", "draft"]),
        Refusal(
            name: "publishing an uncited draft", who: .reviewer, arguments: ["publish", "deepseek:retention"],
            status: .conflict, mentions: ["deepseek:retention"]),
        Refusal(
            name: "approving an uncited draft", who: .reviewer, arguments: ["review", "approve", "deepseek:retention"],
            status: .invalid, mentions: ["deepseek:retention", "citation"]),
        Refusal(
            name: "retracting what is not live", who: .reviewer,
            arguments: ["retract", "deepseek:retention", "--note", "Wrong."], status: .notFound,
            mentions: ["deepseek:retention"]),
        Refusal(
            name: "drafting over an open revision", who: .editor, arguments: draft("deepseek:training"),
            status: .conflict, mentions: ["deepseek:training"]),
    ]
}

@Suite("Bad input: one line naming the item, a non-zero exit, and nothing changed")
struct RefusalTests {
    @Test("refused", arguments: Refusal.all)
    func refused(_ refusal: Refusal) throws {
        let desk = try Desk()
        let draft = try desk.seedWorkflow()
        let login: String
        switch refusal.who {
        case .admin: login = desk.admin
        case .editor: login = desk.editor
        case .reviewer: login = desk.reviewer
        case .editorReviewer: login = desk.editorReviewer
        }
        func fill(_ text: String) -> String {
            text.replacingOccurrences(of: "{me}", with: login)
                .replacingOccurrences(of: "{day}", with: Desk.day.description)
                .replacingOccurrences(of: "{stale}", with: "\(draft.id):\(draft.version - 1)")
        }
        let before = try desk.db.snapshot()
        let result = try desk.run(login, refusal.arguments.map(fill))
        expectRefusal(result, status: refusal.status.rawValue, mentions: refusal.mentions.map(fill))
        #expect(try desk.db.snapshot() == before, "nothing may change: \(result)")
    }

    @Test("publish A B with B unreviewed publishes neither; then both publish together")
    func publishIsAllOrNothing() throws {
        let desk = try Desk()
        try desk.draft("deepseek:baa")
        try desk.approve("deepseek:baa")
        try desk.draft("deepseek:phi")
        let before = try desk.db.snapshot()
        var r = try desk.run(desk.reviewer, "publish", "deepseek:baa", "deepseek:phi")
        expectRefusal(r, status: Exit.conflict.rawValue, mentions: ["deepseek:phi", "nothing was published"])
        #expect(try desk.db.snapshot() == before)
        r = try desk.run(desk.reviewer, "claim", "show", "deepseek:baa", "--json")
        let show = try #require(try r.json() as? [String: Any])
        #expect(show["live"] is NSNull && (show["open"] as? [String: Any])?["state"] as? String == "reviewed")

        try desk.approve("deepseek:phi")
        r = try desk.run(desk.reviewer, "publish", "deepseek:baa", "deepseek:phi", "--json")
        expectSuccess(r)
        let published = try #require(try r.json() as? [[String: Any]])
        #expect(published.compactMap { $0["ref"] as? String } == ["deepseek:baa", "deepseek:phi"])
        #expect(published.allSatisfy { $0["state"] as? String == "published" && $0["publish_seq"] is Int })
    }

    @Test("publish takes claims or --all-reviewed, exactly one of the two")
    func publishArguments() throws {
        let desk = try Desk()
        let before = try desk.db.snapshot()
        for arguments in [["publish"], ["publish", "deepseek:training", "--all-reviewed"]] {
            let r = try desk.run(desk.reviewer, arguments)
            expectRefusal(r, status: Exit.usage.rawValue, mentions: ["--all-reviewed", "see claimdesk publish --help"])
        }
        let r = try desk.run(desk.reviewer, "publish", "--all-reviewed")
        expectSuccess(r)
        #expect(r.stdout == "Nothing to publish: no revision is reviewed.\n")
        #expect(try desk.db.snapshot() == before)
    }
}
