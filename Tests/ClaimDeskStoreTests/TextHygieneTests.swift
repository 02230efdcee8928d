import ClaimDeskDomain
import ClaimDeskStore
import ClaimDeskTestSupport
import Foundation
import LibPQ
import Testing

/// Text that cannot lie (sql/0010_text_hygiene.sql): every text field refuses control characters and bidirectional
/// overrides with one line naming the field and the position, through the workflow functions and through raw SQL;
/// one URL rule, the same in SQL and in Swift (`URLRule`, which the site's links use).
@Suite("Text hygiene and the URL rule")
struct TextHygieneTests {
    static let rlo = "\u{202E}"

    @Test("each text field refuses a bidirectional override, naming the field and the character position")
    func everyFieldRefusesOverrides() throws {
        let f = try Fixture()
        let admin = try f.store(f.admin)
        let editor = try f.store(f.editor)
        func expectRefused(_ field: String, position: Int, _ body: () throws -> Any) {
            let error = f.failure(body)
            #expect(error?.kind == .invalid, "\(field): \(String(describing: error))")
            #expect(
                error?.message.hasPrefix("\(field): character \(position) is U+202E (right-to-left override)") == true,
                "\(String(describing: error?.message))")
        }
        expectRefused("tool name", position: 1) {
            try admin.addTool(
                Tool(slug: ToolSlug("evil"), name: Self.rlo + "gnp.exe", category: "c", officialURL: "https://e.test"))
        }
        expectRefused("category", position: 3) {
            try admin.addTool(
                Tool(slug: ToolSlug("evil"), name: "Evil", category: "AI" + Self.rlo, officialURL: "https://e.test"))
        }
        expectRefused("tier name", position: 1) {
            try admin.addTier(PlanTier(tool: ToolSlug("deepseek"), slug: TierSlug("bad"), name: Self.rlo + "gnp.exe"))
        }
        expectRefused("name", position: 4) {
            try admin.addUser(handle: "newbie", role: "editor", name: "Bad" + Self.rlo)
        }
        expectRefused("headline", position: 5) {
            try editor.draft(Fixture.training, Fixture.content("Yes," + Self.rlo))
        }
        var content = Fixture.content()
        content.body = "Line one\nLine\ttwo " + Self.rlo
        expectRefused("body", position: 19) { try editor.draft(Fixture.training, content) }
        content = Fixture.content()
        content.verifiedBy = Self.rlo
        expectRefused("verified-by", position: 1) { try editor.draft(Fixture.training, content) }
        try f.drafted()
        var citation = Fixture.citation
        citation.supports = "Says so" + Self.rlo
        expectRefused("citation supports", position: 8) { try editor.cite(Fixture.training, citation) }
        citation = Fixture.citation
        citation.title = Self.rlo
        expectRefused("citation title", position: 1) { try editor.cite(Fixture.training, citation) }
        expectRefused("note", position: 3) { try f.store(f.reviewer).reject(Fixture.training, note: "No" + Self.rlo) }
    }

    @Test("line breaks and tabs are allowed in body and notes only; other controls nowhere")
    func controlCharacters() throws {
        let f = try Fixture()
        let editor = try f.store(f.editor)
        var content = Fixture.content()
        content.body = "Line one.\n\tLine two."
        _ = try editor.draft(Fixture.training, content)
        let headline = f.failure { try editor.edit(Fixture.training, ClaimContent(headline: "Two\nlines")) }
        #expect(headline?.kind == .invalid)
        #expect(headline?.message.hasPrefix("headline: character 4 is U+000A (line break)") == true)
        let escape = f.failure { try editor.edit(Fixture.training, ClaimContent(body: "Red \u{1B}[31m")) }
        #expect(escape?.message.hasPrefix("body: character 5 is U+001B (escape, a control character)") == true)
        let delete = f.failure { try editor.edit(Fixture.training, ClaimContent(body: "x\u{7F}")) }
        #expect(delete?.message.hasPrefix("body: character 2 is U+007F (delete, a control character)") == true)
        _ = try editor.cite(Fixture.training, Fixture.citation)
        _ = try f.store(f.reviewer).reject(Fixture.training, note: "Two things:\n1. cite the terms\n2. date it")
    }

    @Test("the schema owner's raw SQL is held to the same rule as the workflow functions")
    func rawSQLToo() throws {
        let f = try Fixture()
        let connection = try f.db.connect()
        defer { connection.close() }
        do {
            _ = try connection.execute(
                "INSERT INTO claimdesk.tiers (tool_slug, slug, name) VALUES ('deepseek', 'x', \(Self.rlo + "gnp.exe"))")
            Issue.record("the owner inserted a tier name with a right-to-left override")
        } catch {
            #expect(error.sqlState == .checkViolation)
            #expect(error.message.hasPrefix("tier name: character 1 is U+202E"))
        }
        do {
            _ = try connection.execute(
                "UPDATE claimdesk.tools SET official_url = \("https://user:secret@deepseek.test/") WHERE slug = 'deepseek'"
            )
            Issue.record("the owner stored a URL with credentials")
        } catch {
            #expect(error.sqlState == .checkViolation)
            #expect(error.message == "official URL contains credentials (user:password@)")
        }
    }

    static let urls = [
        "https://example.com", "http://example.com/path?q=1#frag", "HTTPS://EXAMPLE.COM/", "https://x.test:8080/a",
        "https://[::1]:8080/x", "https://[::1]/", "https://bücher.example/straße", "https://example.com/?q=<script>",
        "https://example.com/a'>b", "https://example.com/a\"b", "https://example.com/a b", "https://example.com/a\\b",
        "https://example.com/`x`", "https://u:p@example.com/", "https://user@example.com", "https://example.com/@me",
        "ftp://example.com", "javascript:alert(1)", "//example.com", "https://", "https:///path", "https://:80/",
        "https://x.com:/", "https://x.com:123456/", "https://x.com:8a/", "https://[]/", "https://[zz]/",
        "https://a]b/", "https://example.com/\u{202E}gnp", "https://example.com/\u{200B}", "https://example.com/\u{A0}",
        "https://example.com/\u{85}", "https://example.com/\u{3000}", "https://example.com/\u{FEFF}",
        "https://example.com/\t", "https://example.com/\u{7F}",
        "https://example.com/" + String(repeating: "a", count: 2029),
        "https://example.com/" + String(repeating: "a", count: 2028),
        "https://example.com/é" + String(repeating: "é", count: 2027),
        "https://例え.jp/パス", "http://x", "https://x.com#a?b/c@d", "https://x.com?a@b",
    ]

    @Test("claimdesk.url_problem and URLRule give the same answer, word for word, for every URL")
    func urlRuleAgrees() throws {
        let f = try Fixture()
        let connection = try f.db.connect(as: f.editor)
        defer { connection.close() }
        for url in Self.urls {
            let rows = try connection.query(
                "SELECT claimdesk.url_problem(\(url)), claimdesk.is_http_url(\(url))")
            let row = try #require(rows.first)
            let sql = try row.decode(0, as: String?.self)
            #expect(sql == URLRule.problem(in: url), "\(url.prefix(80))")
            #expect(try row.decode(1, as: Bool.self) == URLRule.isValid(url), "\(url.prefix(80))")
        }
        #expect(URLRule.problem(in: "https://example.com/?q=<script>")?.hasPrefix("contains U+003C") == true)
        #expect(URLRule.problem(in: "https://u:p@example.com/") == "contains credentials (user:password@)")
        #expect(URLRule.problem(in: Self.urls[36]) == "is longer than 2,048 characters")
        #expect(URLRule.isValid(Self.urls[37]))
    }

    @Test("claimdesk.text_problem and TextRule give the same answer, position included, for every text")
    func textRuleAgrees() throws {
        let f = try Fixture()
        let connection = try f.db.connect(as: f.editor)
        defer { connection.close() }
        let texts = [
            "plain", "tab\there", "line\nbreak", "cr\r\n", "é\u{202E}x", "👩‍👩‍👧\u{2066}", "\u{1}", "\u{1F}", "\u{7F}",
            "\u{80}",
            "\u{9F}", "\u{A0}ok", "\u{202A}", "\u{202D}", "\u{2069}", "\u{2065}ok", "\u{206A}ok", "e\u{301}\u{1B}",
        ]
        for text in texts {
            for multiline in [false, true] {
                let rows = try connection.query("SELECT claimdesk.text_problem(\(text), \(multiline))")
                let sql = try #require(rows.first).decode(0, as: String?.self)
                #expect(
                    sql == TextRule.problem(in: text, multiline: multiline), "\(text.debugDescription) \(multiline)")
            }
        }
    }

    @Test("a citation URL the site would not link is refused at entry with the right message")
    func citationURLs() throws {
        let f = try Fixture()
        try f.drafted()
        let editor = try f.store(f.editor)
        var citation = Fixture.citation
        citation.url = "https://example.com/?q=<script>"
        #expect(f.failure { try editor.cite(Fixture.training, citation) }?.kind == .invalid)
        citation = Fixture.citation
        citation.archivedURL = "https://web.archive.org/x'>y"
        #expect(f.failure { try editor.cite(Fixture.training, citation) }?.kind == .invalid)
        citation.archivedURL = "https://web.archive.org/web/2026/https://example.com/"
        #expect(try editor.cite(Fixture.training, citation).citations.contains { $0.archivedURL != nil })
    }

    @Test("after a fix, the reviewer sees what changed since they sent it back; the record of it is append-only")
    func sentBackDiff() throws {
        let f = try Fixture()
        try f.drafted()
        let reviewer = try f.store(f.reviewer)
        let editor = try f.store(f.editor)
        #expect(f.failure { try reviewer.sentBackDiff(Fixture.training) }?.kind == .notFound)
        _ = try reviewer.reject(Fixture.training, note: "Say when it started.")
        let untouched = try reviewer.sentBackDiff(Fixture.training)
        #expect(untouched.changes.isEmpty)
        #expect(untouched.sentBackBy == f.reviewer)
        #expect(untouched.note == "Say when it started.")
        _ = try editor.edit(Fixture.training, ClaimContent(headline: "Yes, since 2025."))
        var citation = Fixture.citation
        citation.url = "https://cdn.deepseek.com/policies/en-US/deepseek-terms-of-use.html"
        _ = try editor.cite(Fixture.training, citation)
        let diff = try reviewer.sentBackDiff(Fixture.training)
        #expect(diff.changes.map(\.field) == ["headline", "citation \(citation.url)"])
        #expect(diff.changes.first?.sentBack == "Yes, by default.")
        #expect(diff.changes.first?.now == "Yes, since 2025.")
        #expect(diff.version > diff.sentBackVersion)
        for user in [f.editor, f.reviewer, f.admin] {
            #expect(try f.rawSQL("DELETE FROM claimdesk.sent_back", as: user) == .insufficientPrivilege)
            #expect(
                try f.rawSQL(
                    "INSERT INTO claimdesk.sent_back (revision_id, version, revision) SELECT id, 1, '{}' FROM claimdesk.revisions",
                    as: user) == .insufficientPrivilege)
        }
        #expect(try f.rawSQL("UPDATE claimdesk.sent_back SET note = 'x'") == .insufficientPrivilege)
    }

    @Test("the review queue narrows to one tool and to the caller's own revisions, and carries the note")
    func queueFilters() throws {
        let f = try Fixture()
        try f.store(f.admin).addTool(
            Tool(slug: ToolSlug("other"), name: "Other", category: "c", officialURL: "https://other.test"))
        try f.drafted()
        let other = ClaimRef(tool: ToolSlug("other"), topic: TopicKey("training"))
        _ = try f.store(f.editor2).draft(other, Fixture.content())
        _ = try f.store(f.reviewer).reject(Fixture.training, note: "Cite the terms too.")
        let all = try f.store(f.reviewer).reviewQueue()
        #expect(Set(all.map(\.ref)) == [Fixture.training, other])
        #expect(try f.store(f.reviewer).reviewQueue(tool: ToolSlug("other")).map(\.ref) == [other])
        let mine = try f.store(f.editor).reviewQueue(mine: true)
        #expect(mine.map(\.ref) == [Fixture.training])
        #expect(mine.first?.note == "Cite the terms too.")
        #expect(mine.first?.changesRequested == true)
        #expect(try f.store(f.reviewer).reviewQueue(mine: true).isEmpty)
    }
}
