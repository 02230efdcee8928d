import ClaimDeskCLI
import ClaimDeskTestSupport
import Foundation
import LibPQ
import Testing

@Suite("Failures outside the workflow: command line, connection, migrations")
struct FailureTests {
    @Test("an unknown subcommand, a misplaced flag or a missing argument is one usage line pointing at --help")
    func usage() throws {
        var r = try CLI.run(["frob"])
        expectRefusal(r, status: Exit.usage.rawValue, mentions: ["'frob'", "claim", "publish"])
        r = try CLI.run(["claim", "frob", "deepseek:training"])
        expectRefusal(r, status: Exit.usage.rawValue, mentions: ["'frob'", "claimdesk claim", "draft"])
        r = try CLI.run(["--json"])
        expectRefusal(
            r, status: Exit.usage.rawValue, mentions: ["--json needs a command", "claimdesk --json tool list"])
        r = try CLI.run(["--verbose", "tool", "list"])
        expectRefusal(r, status: Exit.usage.rawValue, mentions: ["--verbose", "only --database, --json", "after it"])
        r = try CLI.run(["claim", "draft", "deepseek:training", "--headline", "H"])
        expectRefusal(r, status: Exit.usage.rawValue, mentions: ["Missing", "see claimdesk claim draft --help"])
        r = try CLI.run([
            "claim", "draft", "deepseek:training", "--headline", "H", "--confidence", "sure", "--verified",
            "2026-01-01",
        ])
        expectRefusal(r, status: Exit.usage.rawValue, mentions: ["'sure'", "low", "see claimdesk claim draft --help"])
        r = try CLI.run(["claim", "edit", "deepseek:training"])
        expectRefusal(r, status: Exit.usage.rawValue, mentions: ["deepseek:training", "--headline", "$EDITOR"])
        r = try CLI.run(["claim", "edit", "deepseek:training", "--headline", "H", "--base", "three"])
        expectRefusal(r, status: Exit.invalid.rawValue, mentions: ["--base three", "ID:VERSION"])
        r = try CLI.run([
            "claim", "draft", "x:training", "--headline", "H", "--body", "b", "--body-file", "f", "--confidence", "low",
            "--verified", "2026-01-01",
        ])
        expectRefusal(r, status: Exit.usage.rawValue, mentions: ["--body", "--body-file"])
    }

    @Test("help prints to stdout and exits 0")
    func help() throws {
        for arguments in [["--help"], ["claim", "draft", "--help"], ["help", "review"], ["claim"], []] {
            let r = try CLI.run(arguments)
            expectSuccess(r)
            #expect(r.stdout.contains("USAGE: claimdesk"), "\(r)")
        }
    }

    @Test("an unreachable server is one line naming the target and what to do")
    func unreachable() throws {
        let r = try CLI.run(["tool", "list", "--database", "postgresql:///x?host=/nonexistent&port=1"])
        expectRefusal(r, status: Exit.connection.rawValue, mentions: ["/nonexistent", "not reachable", "DATABASE_URL"])
    }

    @Test("a database that is not migrated is one line saying to run claimdesk migrate, which then works")
    func notMigrated() throws {
        let admin = try Connection(url: try TestDatabase.adminURL())
        defer { admin.close() }
        let name = "cd_cli_empty_\(UUID().uuidString.prefix(8).lowercased())"
        try admin.execute(Query(unsafeSQL: "CREATE DATABASE \(try admin.escapeIdentifier(name))"))
        defer { _ = try? admin.execute(Query(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")) }
        var components = try #require(URLComponents(string: try TestDatabase.adminURL()))
        components.path = "/" + name
        let url = try #require(components.string)

        for arguments in [["tool", "list"], ["claim", "show", "deepseek:training"], ["review", "queue", "--json"]] {
            let r = try CLI.run(arguments + ["--database", url])
            expectRefusal(r, status: Exit.notMigrated.rawValue, mentions: ["not migrated", "claimdesk migrate"])
        }
        var r = try CLI.run(["status", "--database", url])
        expectSuccess(r)
        #expect(r.stdout.contains("0 applied") && r.stdout.contains("run `claimdesk migrate`"), "\(r)")
        r = try CLI.run(["migrate", "--database", url, "--json"])
        expectSuccess(r)
        let report = try #require(try r.json() as? [String: Any])
        #expect((report["applied"] as? [String])?.count == report["total"] as? Int)
        r = try CLI.run(["tool", "list", "--database", url])
        expectSuccess(r)
        #expect(r.stdout.hasPrefix("No tools yet."))
    }

    @Test("without --database the DATABASE_URL environment variable is used")
    func environment() throws {
        let desk = try Desk()
        let r = try CLI.run(["tool", "list"], environment: ["DATABASE_URL": try desk.db.url(as: desk.editor)])
        expectSuccess(r)
        #expect(r.stdout.contains("deepseek  DeepSeek  AI chat assistant  https://www.deepseek.com"), "\(r)")
    }

    @Test("--body-file reads the body from a file or standard input; an unreadable one is one line")
    func bodyFile() throws {
        let desk = try Desk()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("body-\(UUID().uuidString).md")
        try Data("First paragraph.\n\nSecond paragraph.\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var r = try desk.run(
            desk.editor, "claim", "draft", "deepseek:training", "--verdict", "trains_by_default", "--headline", "Yes.",
            "--body-file", file.path, "--confidence", "low", "--verified", Desk.day.description, "--json")
        expectSuccess(r)
        #expect((try r.json() as? [String: Any])?["body"] as? String == "First paragraph.\n\nSecond paragraph.")

        r = try CLI.run(
            [
                "claim", "edit", "deepseek:training", "--body-file", "-", "--database",
                try desk.db.url(as: desk.editor), "--json",
            ],
            stdin: "From stdin.\n")
        expectSuccess(r)
        let edited = try #require(try r.json() as? [String: Any])
        #expect(edited["changed"] as? Bool == true)
        #expect((edited["revision"] as? [String: Any])?["body"] as? String == "From stdin.")

        let before = try desk.db.snapshot()
        r = try desk.run(desk.editor, "claim", "edit", "deepseek:training", "--body-file", "/nonexistent/body.md")
        expectRefusal(r, status: Exit.invalid.rawValue, mentions: ["--body-file /nonexistent/body.md"])
        #expect(try desk.db.snapshot() == before)
    }

    @Test("an edit that changes nothing says so and changes nothing")
    func unchangedEdit() throws {
        let desk = try Desk()
        try desk.draft("deepseek:training")
        let before = try desk.db.snapshot()
        let r = try desk.run(desk.editor, "claim", "edit", "deepseek:training", "--headline", "Yes, by default.")
        expectSuccess(r)
        #expect(r.stdout.hasPrefix("No change: deepseek:training revision 1"), "\(r)")
        #expect(try desk.db.snapshot() == before)
    }
}
