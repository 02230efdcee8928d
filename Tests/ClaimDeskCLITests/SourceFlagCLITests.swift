import ClaimDeskDomain
import ClaimDeskStore
import Foundation
import Testing

/// Source states reach readers without an editor's review: a missing quote is flagged plainly on the page, every
/// exported citation carries its state, and an incremental export equals a full one when only a state changed.
@Suite("Source states in the export")
struct SourceFlagCLITests {
    static let url = "https://cdn.deepseek.com/policies/en-US/deepseek-privacy-policy.html"
    static let quote = "we may use your Inputs to train our models"
    static let flag = "A source we cite no longer says this; we are re-checking it."

    func record(_ store: Store, text: String, hash: Character) throws {
        _ = try store.recordSourceCheck(
            Store.SourceCheck(
                url: Self.url, outcome: .newText, httpStatus: 200, sha256: String(repeating: hash, count: 64),
                text: text))
    }

    func expectIncrementalEqualsFull(_ site: ExportCLITests.Site, _ name: String) throws {
        let incremental = try site.export("--incremental", "--json")
        expectSuccess(incremental)
        let full = site.folder.appendingPathComponent(name).path
        expectSuccess(try site.desk.run(site.exporter, ["export", "--out", full, "--as-of", "2026-07-01"]))
        #expect(try site.files(at: full) == (try site.files()))
    }

    @Test(
        "a missing quote shows as a plain flag (in headless Chromium too); incremental equals full after state changes")
    func quoteMissingFlag() throws {
        let site = try ExportCLITests.Site()
        let desk = site.desk
        let watcher = try desk.db.makeUser("wat", roles: ["watcher"])
        expectSuccess(
            try desk.run(desk.editor, "cite", "deepseek:training", "--url", Self.url, "--quote", Self.quote))
        let shown = try desk.run(desk.editor, "claim", "show", "deepseek:training")
        #expect(shown.stdout.contains("quote: \u{201C}\(Self.quote)\u{201D}"))
        try site.publishAll()
        expectSuccess(try site.export())
        #expect(try site.file("api/v1/tools/deepseek.json").contains("\"source_state\" : \"unchecked\""))
        #expect(!(try site.file("tools/deepseek/index.html").contains(Self.flag)))

        // The watcher finds the page without the quote: the flag reaches the site with no editor involved.
        let store = try desk.store(watcher)
        try record(store, text: "Privacy Policy\nWe may use your Inputs to train our models.", hash: "a")
        try record(store, text: "Privacy Policy\nWe improve our models.", hash: "b")
        try expectIncrementalEqualsFull(site, "full-1")
        let json = try site.file("api/v1/tools/deepseek.json")
        #expect(json.contains("\"source_state\" : \"quote_missing\""))
        #expect(json.contains("\"source_checked_at\" : \"20"))
        let html = try site.file("tools/deepseek/index.html")
        #expect(html.contains(Self.flag))
        #expect(html.contains("<blockquote class=\"quote\">\(Self.quote)</blockquote>"))

        // Editors see it too.
        let queue = try desk.run(desk.editor, "stale", "--older-than", "0")
        #expect(queue.stdout.contains("no longer contains the quote"), "\(queue)")

        // In a real browser, the flag is visible text of the training claim.
        if let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: {
            FileManager.default.isExecutableFile(atPath: $0)
        }) {
            let page = URL(fileURLWithPath: site.out).appendingPathComponent("tools/deepseek/index.html")
            let dom = try Self.dumpDOM(chromium, page)
            #expect(dom.contains("<p class=\"source-flag\" role=\"note\">\(Self.flag)</p>"))
        } else {
            Issue.record("chromium is required for this test (Debian package: chromium)")
        }

        // The quote is back (the text still differs from the verified one): no reader flag, state "changed".
        try record(store, text: "Privacy Policy\nWe may use your Inputs to train our models. Updated.", hash: "c")
        try expectIncrementalEqualsFull(site, "full-2")
        #expect(try site.file("api/v1/tools/deepseek.json").contains("\"source_state\" : \"changed\""))
        #expect(!(try site.file("tools/deepseek/index.html").contains(Self.flag)))
    }

    static func dumpDOM(_ chromium: String, _ page: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.absoluteString]
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("dom-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out) }
        let handle = try FileHandle(forWritingTo: out)
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return try String(contentsOf: out, encoding: .utf8)
    }
}
