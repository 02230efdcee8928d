import ClaimDeskDomain
import ClaimDeskStore
import ClaimDeskTestSupport
import Foundation
import Testing

/// The first hour with `claimdesk`: --version, global options on either side of the command, text and URLs refused
/// with the field and the position, the review queue's notes and filters, what changed since a send-back, and what
/// an export rendered and removed.
@Suite("The first hour through the claimdesk binary")
struct NewcomerCLITests {
    @Test("--version prints the version and the schema it expects, with or without --json, before or after options")
    func version() throws {
        let text = try CLI.run(["--version"])
        expectSuccess(text)
        let last = try #require(Migration.embedded.last?.name)
        #expect(text.stdout == "claimdesk 0.1.0 (schema \(last))\n")
        let json = try CLI.run(["--json", "--version"])
        expectSuccess(json)
        let object = try #require(try json.json() as? [String: Any])
        #expect(object["version"] as? String == "0.1.0")
        #expect(object["schema"] as? String == last)
        expectSuccess(try CLI.run(["--database", "postgresql:///nowhere", "--version"]))
    }

    @Test("--database and --json work before the command exactly as after it")
    func globalOptionsBeforeTheCommand() throws {
        let desk = try Desk()
        let url = try desk.db.url(as: desk.editor)
        let after = try CLI.run(["tool", "list", "--json", "--database", url])
        expectSuccess(after)
        for arguments in [
            ["--json", "--database", url, "tool", "list"], ["--database=\(url)", "--json", "tool", "list"],
            ["tool", "--json", "list", "--database", url], ["--json", "tool", "list", "--database", url],
        ] {
            let before = try CLI.run(arguments)
            expectSuccess(before)
            #expect(before.stdout == after.stdout, "\(arguments)")
        }
        // Positional values keep their place: the moved options go before the command's own arguments end.
        let show = try CLI.run(["--database", url, "--json", "tool", "show", "deepseek"])
        expectSuccess(show)
        #expect((try show.json() as? [String: Any])?["tool"] != nil)
    }

    @Test("an argument that is not valid UTF-8 is refused (exit 2), not stored as U+FFFD")
    func invalidUTF8Argument() throws {
        let desk = try Desk()
        let binary = try CLI.binary()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", #""$0" tier add deepseek/latin --name "$(printf 'Caf\351')" --database "$1""#, binary.path,
            try desk.db.url(as: desk.admin),
        ]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == Exit.invalid.rawValue)
        let message = String(decoding: data, as: UTF8.self)
        #expect(message.hasPrefix("claimdesk: argument 5 is not valid UTF-8 text"))
        #expect(try desk.store(desk.admin).tiers(of: ToolSlug("deepseek")).count == 1)
    }

    @Test("text with a control or bidi character is refused naming the field and the position (exit 2)")
    func textHygiene() throws {
        let desk = try Desk()
        var r = try desk.run(desk.admin, "tier", "add", "deepseek/evil", "--name", "\u{202E}gnp.exe")
        expectRefusal(
            r, status: Exit.invalid.rawValue,
            mentions: ["deepseek/evil --name", "character 1 is U+202E (right-to-left override)"])
        r = try desk.run(
            desk.editor, "claim", "draft", "deepseek:training", "--verdict", "trains_by_default", "--headline",
            "Yes\u{1B}[2J", "--confidence", "high", "--verified", Desk.day.description)
        expectRefusal(
            r, status: Exit.invalid.rawValue,
            mentions: ["deepseek:training --headline", "character 4 is U+001B (escape, a control character)"])
        r = try desk.run(
            desk.editor, "claim", "draft", "deepseek:training", "--verdict", "trains_by_default", "--headline", "Yes.",
            "--body", "Line one.\n\tLine two.", "--confidence", "high", "--verified", Desk.day.description)
        #expect(r.status == 0, "\(r)")
    }

    @Test("a URL the site would not link is refused with what is wrong, the line short and without the password")
    func urls() throws {
        let desk = try Desk()
        try desk.draft("deepseek:training")
        func cite(_ url: String) throws -> CLIResult {
            try desk.run(
                desk.editor, "cite", "deepseek:training", "--url", url, "--supports", "It says so.", "--dated",
                Desk.day.description)
        }
        var r = try cite("https://alice:hunter2@example.com/policy")
        expectRefusal(r, status: Exit.invalid.rawValue, mentions: ["--url", "contains credentials (user:password@)"])
        #expect(!r.stderr.contains("hunter2"))
        r = try cite("https://example.com/" + String(repeating: "x", count: 5000))
        expectRefusal(r, status: Exit.invalid.rawValue, mentions: ["is longer than 2,048 characters"])
        #expect(r.stderr.count < 300)
        r = try cite("https://example.com/?q=<script>alert(1)</script>")
        expectRefusal(r, status: Exit.invalid.rawValue, mentions: [#"contains U+003C ("<") at character 24"#])
        expectSuccess(try cite("https://example.com/?q=%3Cscript%3E"))
    }

    @Test("review queue shows the reviewer's note, and narrows with --tool and --mine")
    func reviewQueue() throws {
        let desk = try Desk()
        try desk.store(desk.admin).addTool(
            Tool(slug: ToolSlug("other"), name: "Other", category: "AI", officialURL: "https://other.test"))
        try desk.draft("deepseek:training")
        _ = try desk.store(desk.editor2).draft(
            ClaimRef(tool: ToolSlug("other"), topic: TopicKey("training")), Desk.content("training"))
        _ = try desk.store(desk.reviewer).reject(Desk.ref("deepseek:training"), note: "Cite the terms of use too.")
        let mine = try desk.run(desk.editor, "review", "queue", "--mine")
        expectSuccess(mine)
        #expect(mine.stdout.contains("deepseek:training (sent back): Cite the terms of use too."))
        #expect(!mine.stdout.contains("other:training"))
        let tool = try desk.run(desk.reviewer, "review", "queue", "--tool", "other", "--json")
        expectSuccess(tool)
        let items = try #require(try tool.json() as? [[String: Any]])
        #expect(items.map { $0["ref"] as? String } == ["other:training"])
        let none = try desk.run(desk.reviewer, "review", "queue", "--mine")
        #expect(none.stdout == "Nothing awaits review of yours.\n")
        expectRefusal(
            try desk.run(desk.reviewer, "review", "queue", "--tool", "Not A Slug"), status: Exit.invalid.rawValue,
            mentions: ["Not A Slug"])
    }

    @Test("claim diff --since-sent-back shows what the editor changed since the reviewer sent it back")
    func sinceSentBack() throws {
        let desk = try Desk()
        try desk.draft("deepseek:training")
        let ref = Desk.ref("deepseek:training")
        let never = try desk.run(desk.reviewer, "claim", "diff", "deepseek:training", "--since-sent-back")
        expectRefusal(
            never, status: Exit.notFound.rawValue, mentions: ["never sent back", "claim diff deepseek:training"])
        _ = try desk.store(desk.reviewer).reject(ref, note: "Say since when.")
        _ = try desk.store(desk.editor).edit(ref, ClaimContent(headline: "Yes, since 2025."))
        let text = try desk.run(desk.reviewer, "claim", "diff", "deepseek:training", "--since-sent-back")
        expectSuccess(text)
        #expect(text.stdout.contains("as \(desk.reviewer) sent it back"))
        #expect(text.stdout.contains("Note: Say since when."))
        #expect(text.stdout.contains("headline\n  - Yes, by default.\n  + Yes, since 2025."))
        let json = try desk.run(desk.reviewer, "claim", "diff", "deepseek:training", "--since-sent-back", "--json")
        expectSuccess(json)
        let object = try #require(try json.json() as? [String: Any])
        #expect(
            Set(object.keys) == [
                "changes", "note", "number", "ref", "sent_back_at", "sent_back_by", "sent_back_version", "version",
            ])
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.count == 1)
        #expect(changes.first?["field"] as? String == "headline")
        #expect(changes.first?["sent_back"] as? String == "Yes, by default.")
        #expect(changes.first?["now"] as? String == "Yes, since 2025.")
    }

    @Test("export lists the tools it rendered and removed, and warns when --as-of is before a verification date")
    func exportReport() throws {
        let site = try ExportCLITests.Site()
        let first = try site.export("--json")
        expectSuccess(first)
        let report = try #require((try first.json() as? [String: Any])?["report"] as? [String: Any])
        #expect(report["rendered"] as? [String] == ["deepseek"])
        #expect(report["removed"] as? [String] == [])
        // A day before the sample's verification dates (2026-06-01) is worth a warning, not a failure.
        let early = try site.desk.run(
            site.exporter,
            ["export", "--out", site.folder.appendingPathComponent("early").path, "--as-of", "2026-05-01"])
        #expect(early.status == 0, "\(early)")
        #expect(early.stderr.contains("warning: --as-of 2026-05-01 is earlier than the verification date of"))
        #expect(early.stderr.contains("deepseek"))
        // Retract everything live: the incremental export removes the page and says so.
        let reviewer = try site.desk.store(site.desk.reviewer)
        for claim in try site.desk.store(site.desk.editor).toolDetail(ToolSlug("deepseek")).claims
        where claim.liveNumber != nil {
            _ = try reviewer.retract(claim.ref, note: "Withdrawn for the test.")
        }
        let second = try site.export("--incremental")
        expectSuccess(second)
        #expect(second.stdout.contains("Rendered: none"))
        #expect(second.stdout.contains("Removed: deepseek"))
    }
}
