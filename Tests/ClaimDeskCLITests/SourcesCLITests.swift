import ClaimDeskDomain
import ClaimDeskTestSupport
import Foundation
import Testing

/// `claimdesk sources check|status|diff` through the binary, as the login roles that run them, against the test's
/// own HTTP server on loopback.
@Suite("Sources through the claimdesk binary", .serialized)
struct SourcesCLITests {
    @Test("the watcher checks, editors see status and a unified diff; other roles and bad input are refused")
    func checkStatusDiff() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        try server.write("policy.html", "<html><body><h1>Policy</h1><p>We train on inputs.</p></body></html>")
        let desk = try Desk()
        let watcher = try desk.db.makeUser("wat", roles: ["watcher"])
        let url = server.url("/doc/policy.html")
        try desk.draft("deepseek:training", cite: false)
        expectSuccess(
            try desk.run(
                desk.editor, "cite", "deepseek:training", "--url", url, "--supports", "It says so.", "--dated",
                Desk.day.description, "--quote", "We train on inputs"))
        let check = [
            "sources", "check", "--base-url", "https://site.example/", "--delay", "0", "--timeout", "2",
            "--allow-private-addresses",
        ]

        // Only the watcher may check; bad input is one line, exit 2, before any fetch.
        let refused = try desk.run(desk.editor, check)
        #expect(refused.status == 4, "\(refused)")
        let bad = try desk.run(watcher, ["sources", "check", "--timeout", "0", "--base-url", "https://site.example/"])
        #expect(bad.status == 2 && bad.stderrLines.count == 1, "\(bad)")
        let noSite = try desk.run(watcher, ["sources", "check"])
        #expect(noSite.status == 2 && noSite.stderrLines.count == 1, "\(noSite)")

        // Without --allow-private-addresses the loopback source is not fetched: a cited URL cannot aim the watcher
        // at the site's own network.
        let guarded = try desk.run(
            watcher,
            ["sources", "check", "--base-url", "https://site.example/", "--delay", "0", "--timeout", "2", "--json"])
        expectSuccess(guarded)
        let guardedResults = try #require(try guarded.json() as? [[String: Any]])
        #expect(guardedResults.first?["outcome"] as? String == "network_error", "\(guarded)")
        #expect((guardedResults.first?["detail"] as? String)?.contains("non-public address") == true, "\(guarded)")

        let first = try desk.run(watcher, check + ["--json"])
        expectSuccess(first)
        let results = try #require(try first.json() as? [[String: Any]])
        #expect(results.count == 1)
        let ours = try #require(results.first { $0["url"] as? String == url })
        #expect(ours["outcome"] as? String == "new_text")
        #expect(ours["states"] as? [String: Int] == ["ok": 1])

        try server.write("policy.html", "<html><body><h1>Policy</h1><p>We no longer train on inputs.</p></body></html>")
        expectSuccess(try desk.run(watcher, check + ["--url", url]))
        let status = try desk.run(desk.editor, "sources", "status", "--json")
        expectSuccess(status)
        let rows = try #require(try status.json() as? [[String: Any]])
        let row = try #require(rows.first { $0["url"] as? String == url })
        #expect(row["state"] as? String == "quote_missing")
        #expect(row["snapshots"] as? Int == 2)
        let text = try desk.run(desk.editor, "sources", "status")
        #expect(text.stdout.contains("quote_missing"))

        let diff = try desk.run(desk.editor, "sources", "diff", url)
        expectSuccess(diff)
        #expect(diff.stdout.contains("-We train on inputs.\n+We no longer train on inputs."), "\(diff)")
        let show = try desk.run(desk.editor, "claim", "show", "deepseek:training")
        #expect(show.stdout.contains("no longer contains the quote"), "\(show)")

        let unknown = try desk.run(desk.editor, "sources", "diff", "https://never.example/")
        #expect(unknown.status == 3 && unknown.stderrLines.count == 1, "\(unknown)")
        let notURL = try desk.run(desk.editor, "sources", "diff", "ftp://x")
        #expect(notURL.status == 2 && notURL.stderrLines.count == 1, "\(notURL)")
    }
}
