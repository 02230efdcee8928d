import ClaimDeskDomain
import ClaimDeskStore
import ClaimDeskTestSupport
import Foundation
import Testing

@testable import ClaimDeskWatch

/// `sources check` against a real HTTP server on loopback whose documents the test changes between checks: every
/// outcome asserted, nothing crashes, a failing URL never stops the others.
@Suite("Checking sources over HTTP", .serialized)
struct SourceCheckTests {
    static let day = Day.today().adding(days: -30)
    static let ref = ClaimRef(tool: ToolSlug("deepseek"), topic: TopicKey("training"))
    static let policy = FetchPolicy(
        userAgent: FetchPolicy.userAgent(site: "https://site.example/", contact: "https://site.example/contact"),
        timeout: 1.5, hostDelay: 0.02, allowPrivateAddresses: true)

    static let page = """
        <!doctype html><html><head><title>Policy</title><script>track()</script></head><body>
        <nav><a href="/a?utm_source=x" class="n">Home</a></nav>
        <h1>Privacy Policy</h1>
        <p>We may use your Inputs to train and improve our models.</p>
        <p>You can opt out in settings.</p>
        <footer><p>© 2024 Vendor Inc. All rights reserved.</p></footer>
        </body></html>
        """

    /// The same page with whitespace, attribute order, markup, link tracking and the footer year changed.
    static let cosmetic = """
        <!doctype html>
        <html lang="en"><head><title>Policy</title><style>p { margin: 0 }</style></head>
        <body>
          <nav><a class="n" href="/a?utm_source=y&amp;utm_medium=z">Home</a></nav>
          <h1 id="top">Privacy   Policy</h1>
          <p>We may use your <strong>Inputs</strong> to train and
             improve our models.</p>
          <div><p>You can opt out in settings.</p></div>
          <footer><p>© 2025 Vendor Inc. All rights reserved.</p></footer>
        </body></html>
        """

    static let substantive = page.replacingOccurrences(
        of: "You can opt out in settings.", with: "Opting out is no longer possible.")
    static let quoteRemoved = page.replacingOccurrences(
        of: "<p>We may use your Inputs to train and improve our models.</p>", with: "<p>We improve our models.</p>")

    /// A database with a watcher and one live claim citing every path of the server.
    static func desk(_ server: LoopbackServer, paths: [String], quoted: Set<String>) throws -> (TestDatabase, String) {
        let db = try TestDatabase.create()
        let admin = try db.makeUser("ann", roles: ["admin"])
        let editor = try db.makeUser("ed", roles: ["editor"])
        let reviewer = try db.makeUser("rita", roles: ["reviewer"])
        let watcher = try db.makeUser("wat", roles: ["watcher"])
        try db.store(as: admin).addTool(
            Tool(
                slug: ToolSlug("deepseek"), name: "DeepSeek", category: "AI chat assistant",
                officialURL: "https://www.deepseek.com"))
        let store = try db.store(as: editor)
        _ = try store.draft(
            ref,
            ClaimContent(
                verdict: VerdictKey("trains_by_default"), headline: "Yes.", confidence: .medium, verifiedOn: day))
        for path in paths {
            _ = try store.cite(
                ref,
                Citation(
                    url: server.url(path), supports: "It says so.", dated: day,
                    quote: quoted.contains(path) ? "We may use your Inputs to train" : nil))
        }
        _ = try db.store(as: reviewer).approve(ref, note: nil)
        _ = try db.store(as: reviewer).publish([ref])
        return (db, watcher)
    }

    @Test(
        "unchanged, cosmetic, substantive, quote removed, 404, 500 twice, slow, redirects, loop, 50 MB, PDF, bad UTF-8")
    func outcomes() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        for name in ["unchanged.html", "cosmetic.html", "substantive.html", "quote.html", "target.html"] {
            try server.write(name, Self.page)
        }
        let paths = [
            "/doc/unchanged.html", "/doc/cosmetic.html", "/doc/substantive.html", "/doc/quote.html", "/status/404",
            "/status/500", "/slow", "/redirect/3", "/redirect/6", "/loop", "/to-file", "/huge", "/huge-stream", "/pdf",
            "/bad-utf8",
        ]
        let (db, watcher) = try Self.desk(server, paths: paths, quoted: ["/doc/quote.html", "/doc/cosmetic.html"])
        defer { db.drop() }
        let checker = SourceChecker(store: try db.store(as: watcher), policy: Self.policy)

        /// "outcome state" per path.
        func outcomes(_ results: [SourceCheckResult]) -> [String: String] {
            var byPath: [String: String] = [:]
            for result in results {
                let path = String(result.url.dropFirst(server.url("").count))
                byPath[path] = "\(result.outcome) \(result.states.keys.sorted().joined(separator: ","))"
            }
            return byPath
        }

        let first = outcomes(try checker.run())
        #expect(first.count == paths.count)
        #expect(first["/doc/unchanged.html"] == "new_text ok")
        #expect(first["/doc/cosmetic.html"] == "new_text ok")
        #expect(first["/status/404"] == "http_error unchecked")
        #expect(first["/status/500"] == "http_error unchecked")
        #expect(first["/slow"] == "timeout unchecked")
        #expect(first["/redirect/3"] == "new_text ok")
        #expect(first["/redirect/6"] == "too_many_redirects unchecked")
        #expect(first["/loop"] == "too_many_redirects unchecked")
        // A redirect to file:// is never followed (URLSession refuses it, and so does the redirect check).
        #expect(first["/to-file"]?.hasSuffix(" unchecked") == true)
        #expect(first["/to-file"]?.hasPrefix("new_text") == false)
        #expect(first["/huge"] == "too_large unchecked")
        #expect(first["/huge-stream"] == "too_large unchecked")
        #expect(first["/pdf"] == "not_comparable unchecked")
        #expect(first["/bad-utf8"] == "new_text ok")

        try server.write("cosmetic.html", Self.cosmetic)
        try server.write("substantive.html", Self.substantive)
        try server.write("quote.html", Self.quoteRemoved)
        let second = outcomes(try checker.run())
        #expect(second["/doc/unchanged.html"] == "not_modified ok")
        #expect(second["/doc/cosmetic.html"] == "unchanged ok")
        #expect(second["/doc/substantive.html"] == "new_text changed")
        #expect(second["/doc/quote.html"] == "new_text quote_missing")
        #expect(second["/status/404"] == "http_error unreachable")
        #expect(second["/status/500"] == "http_error unreachable")
        #expect(second["/slow"] == "timeout unreachable")
        #expect(second["/loop"] == "too_many_redirects unreachable")
        #expect(second["/huge"] == "too_large unchecked")

        // Every request named the site and a contact, and used the conditional validators on the second round.
        let requests = server.requests()
        #expect(
            requests.allSatisfy {
                $0.hasSuffix("ClaimDesk-SourceWatch/1 (+https://site.example/; contact: https://site.example/contact)")
            })
        // The archive: the substantive change is there to read as a diff.
        let pair = try db.store(as: watcher).sourceSnapshots(url: server.url("/doc/substantive.html"))
        let old = try #require(pair.old)
        let diff = UnifiedDiff.render(old: old.text, new: pair.new.text, oldLabel: "a", newLabel: "b")
        #expect(diff.contains("-You can opt out in settings.\n+Opting out is no longer possible.\n"))
        let status = try db.store(as: watcher).sourceStatus()
        #expect(status.first { $0.url == server.url("/doc/cosmetic.html") }?.snapshots == 1)
    }

    @Test("a second run skips the URL a first run holds, and checks the rest")
    func concurrentRuns() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        try server.write("a.html", Self.page)
        try server.write("b.html", Self.page)
        let (db, watcher) = try Self.desk(server, paths: ["/doc/a.html", "/doc/b.html"], quoted: [])
        defer { db.drop() }
        let other = try db.store(as: watcher)
        #expect(try other.tryLockSource(server.url("/doc/a.html")))
        let results = try SourceChecker(store: try db.store(as: watcher), policy: Self.policy).run()
        #expect(results.map(\.outcome).sorted() == ["new_text", "skipped"])
        #expect(results.first { $0.outcome == "skipped" }?.url == server.url("/doc/a.html"))
        try other.unlockSource(server.url("/doc/a.html"))
        let again = try SourceChecker(store: try db.store(as: watcher), policy: Self.policy).run(
            url: server.url("/doc/a.html"))
        #expect(again.map(\.outcome) == ["new_text"])
    }
}
