import ClaimDeskDomain
import Foundation
import Testing

/// The documented `--json` shapes (docs/cli.md): every key is always present, `null` when there is no value.
enum Shape {
    static let revision: Set = [
        "author", "based_on", "body", "changes_requested", "citations", "closed_at", "confidence", "created_at",
        "editors", "headline", "id", "note", "number", "publish_seq", "published_at", "ref", "reviewed_at", "reviewer",
        "state", "updated_at", "verdict", "verified_by", "verified_on", "version",
    ]
    static let citation: Set = ["archived_url", "dated", "quote", "supports", "title", "url"]
    static let claimStatus: Set = ["live", "live_source_flags", "open", "open_source_flags", "ref"]
    static let history: Set = ["events", "ref", "revisions"]
    static let auditEntry: Set = ["action", "actor", "at", "details", "id", "note", "ref", "revision", "tool"]
    static let diff: Set = ["changes", "live_number", "open_number", "ref"]
    static let fieldChange: Set = ["field", "live", "open"]
    static let reviewItem: Set = [
        "author", "changes_requested", "citation_count", "editors", "headline", "is_change", "note", "number", "ref",
        "source_flags", "state", "updated_at",
    ]
    static let staleClaim: Set = ["age_days", "headline", "ref", "source_flags", "verified_on"]
    static let person: Set = ["handle", "name", "roles"]
    static let tool: Set = ["category", "name", "official_url", "slug"]
    static let tier: Set = ["name", "slug", "tool"]
    static let toolDetail: Set = ["claims", "tiers", "tool"]
    static let claimSummary: Set = ["live_number", "live_verdict", "open_number", "open_state", "ref", "verified_on"]
    static let topic: Set = [
        "badge_position", "faq_answer", "faq_question", "heading", "key", "position", "question", "section", "verdicts",
    ]
    static let verdict: Set = ["key", "label", "tone"]
    static let status: Set = ["database", "migrations", "publish_seq", "roles", "server_version", "user"]
    static let migration: Set = ["applied_at", "checksum", "name", "state"]
    static let migrate: Set = ["applied", "database", "total"]
    static let edit: Set = ["changed", "revision"]
}

@Suite("--json output decodes and has exactly the documented keys")
struct JSONShapeTests {
    func object(_ value: Any?, _ keys: Set<String>, _ what: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws -> [String: Any]
    {
        let object = try #require(
            value as? [String: Any], "\(what) should be an object", sourceLocation: sourceLocation)
        #expect(Set(object.keys) == keys, "\(what) keys", sourceLocation: sourceLocation)
        return object
    }

    func array(_ value: Any?, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [Any] {
        let array = try #require(value as? [Any], "\(what) should be an array", sourceLocation: sourceLocation)
        #expect(!array.isEmpty, "\(what) should not be empty here", sourceLocation: sourceLocation)
        return array
    }

    func json(_ desk: Desk, _ login: String, _ arguments: String...) throws -> Any {
        let r = try desk.run(login, arguments + ["--json"])
        expectSuccess(r)
        return try r.json()
    }

    func revision(_ value: Any?, _ what: String) throws {
        let r = try object(value, Shape.revision, what)
        for c in try array(r["citations"], "\(what) citations") {
            _ = try object(c, Shape.citation, "\(what) citation")
        }
        #expect((r["created_at"] as? String)?.hasSuffix("Z") == true, "timestamps are ISO 8601 UTC")
        #expect((r["verified_on"] as? String)?.count == 10, "days are YYYY-MM-DD")
    }

    @Test("write commands print the resulting object or revision")
    func writes() throws {
        let desk = try Desk(seedTool: false)
        let day = Desk.day.description
        _ = try object(
            try json(
                desk, desk.admin, "tool", "add", "acme", "--name", "Acme", "--category", "Chat", "--url",
                "https://acme.example"),
            Shape.tool, "tool add")
        _ = try object(
            try json(desk, desk.admin, "tier", "add", "acme/pro", "--name", "Acme Pro"), Shape.tier, "tier add")
        let handle = "\(desk.db.rolePrefix)_json"
        desk.db.adopt(role: handle)
        _ = try object(
            try json(desk, desk.admin, "user", "add", handle, "--role", "reviewer"), Shape.person, "user add")

        let ref = "acme/pro:training"
        let drafted = try object(
            try json(
                desk, desk.editor, "claim", "draft", ref, "--verdict", "does_not_train", "--headline", "No.",
                "--confidence",
                "medium", "--verified", day), Shape.revision, "claim draft")
        #expect(drafted["ref"] as? String == ref && drafted["state"] as? String == "draft")
        #expect(
            drafted["reviewer"] is NSNull && drafted["publish_seq"] is NSNull, "absent values are null, not missing")
        try revision(
            try json(
                desk, desk.editor, "cite", ref, "--url", "https://acme.example/privacy", "--supports", "It says no.",
                "--dated", day),
            "cite")
        let edit = try object(
            try json(desk, desk.editor, "claim", "edit", ref, "--confidence", "high"), Shape.edit, "claim edit")
        #expect(edit["changed"] as? Bool == true)
        try revision(edit["revision"], "claim edit revision")
        try revision(try json(desk, desk.reviewer, "review", "approve", ref), "review approve")
        let published = try array(try json(desk, desk.reviewer, "publish", ref), "publish")
        for r in published { try revision(r, "publish") }
        try revision(try json(desk, desk.reviewer, "retract", ref, "--note", "Gone."), "retract")

        let other = "acme:training"
        _ = try json(
            desk, desk.editor, "claim", "draft", other, "--verdict", "unclear", "--headline", "Unclear.",
            "--confidence", "low",
            "--verified", day)
        _ = try json(
            desk, desk.editor, "cite", other, "--url", "https://acme.example/a", "--supports", "A.", "--dated", day)
        _ = try json(
            desk, desk.editor, "cite", other, "--url", "https://acme.example/b", "--supports", "B.", "--dated", day)
        try revision(try json(desk, desk.editor, "uncite", other, "--url", "https://acme.example/b"), "uncite")
        try revision(try json(desk, desk.reviewer, "review", "reject", other, "--note", "Say why."), "review reject")
        try revision(try json(desk, desk.editor, "claim", "discard", other, "--note", "Dropped."), "claim discard")
    }

    @Test("read commands print the value")
    func reads() throws {
        let desk = try Desk()
        let old = Desk.day.adding(days: -400)
        try desk.draft("deepseek:training", verifiedOn: old)
        try desk.approve("deepseek:training")
        try desk.publish("deepseek:training")
        _ = try desk.store(desk.editor2).edit(
            Desk.ref("deepseek:training"), Desk.content("training", headline: "Maybe."))
        let ref = "deepseek:training"

        let status = try object(try json(desk, desk.editor, "status"), Shape.status, "status")
        for m in try array(status["migrations"], "status migrations") {
            _ = try object(m, Shape.migration, "migration")
        }
        for p in try array(try json(desk, desk.admin, "user", "list"), "user list") {
            _ = try object(p, Shape.person, "person")
        }
        for t in try array(try json(desk, desk.editor, "tool", "list"), "tool list") {
            _ = try object(t, Shape.tool, "tool")
        }
        let detail = try object(try json(desk, desk.editor, "tool", "show", "deepseek"), Shape.toolDetail, "tool show")
        _ = try object(detail["tool"], Shape.tool, "tool show tool")
        for t in try array(detail["tiers"], "tool show tiers") { _ = try object(t, Shape.tier, "tier") }
        for c in try array(detail["claims"], "tool show claims") {
            _ = try object(c, Shape.claimSummary, "claim summary")
        }
        for t in try array(try json(desk, desk.editor, "topic", "list"), "topic list") {
            let topic = try object(t, Shape.topic, "topic")
            for v in topic["verdicts"] as? [Any] ?? [] { _ = try object(v, Shape.verdict, "verdict") }
        }

        let show = try object(try json(desk, desk.editor, "claim", "show", ref), Shape.claimStatus, "claim show")
        try revision(show["live"], "claim show live")
        try revision(show["open"], "claim show open")
        let history = try object(try json(desk, desk.editor, "claim", "history", ref), Shape.history, "claim history")
        for r in try array(history["revisions"], "history revisions") { try revision(r, "history revision") }
        for e in try array(history["events"], "history events") { _ = try object(e, Shape.auditEntry, "history event") }
        let diff = try object(try json(desk, desk.editor, "claim", "diff", ref), Shape.diff, "claim diff")
        for c in try array(diff["changes"], "diff changes") { _ = try object(c, Shape.fieldChange, "field change") }

        for i in try array(try json(desk, desk.reviewer, "review", "queue"), "review queue") {
            _ = try object(i, Shape.reviewItem, "review item")
        }
        for s in try array(try json(desk, desk.editor, "stale"), "stale") {
            _ = try object(s, Shape.staleClaim, "stale claim")
        }
        for e in try array(try json(desk, desk.admin, "audit", "--tool", "deepseek"), "audit") {
            _ = try object(e, Shape.auditEntry, "audit entry")
        }
        // migrate runs as the schema owner (here the superuser the tests were given).
        let migrate = try CLI.run(["migrate", "--json", "--database", try desk.db.url()])
        expectSuccess(migrate)
        _ = try object(try migrate.json(), Shape.migrate, "migrate")
    }
}
