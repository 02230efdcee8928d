import ClaimDeskDomain
import ClaimDeskStore
import ClaimDeskTestSupport
import Foundation
import Testing

/// `claimdesk export` through the binary, reading the database as the exporter role.
@Suite("Export through the claimdesk binary")
struct ExportCLITests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples/deepseek.yaml").path

    /// A database with the DeepSeek sample imported and published, an exporter login, and a scratch folder.
    final class Site {
        let desk: Desk
        let exporter: String
        let folder: URL

        init(publish: Bool = true) throws {
            desk = try Desk()
            exporter = try desk.db.makeUser("xena", roles: ["exporter"])
            folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "claimdesk-export-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let imported = try desk.run(desk.editor, "import", ExportCLITests.sample)
            #expect(imported.status == 0, "\(imported)")
            if publish { try publishAll() }
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        func publishAll() throws {
            let reviewer = try desk.store(desk.reviewer)
            for item in try reviewer.reviewQueue() where item.state == .draft {
                _ = try reviewer.approve(item.ref, note: nil)
            }
            _ = try reviewer.publishAllReviewed()
        }

        var out: String { folder.appendingPathComponent("site").path }

        /// Edits, approves and publishes a new revision of deepseek:training.
        func republishTraining(headline: String) throws {
            let ref = ClaimRef(tool: ToolSlug("deepseek"), topic: TopicKey("training"))
            _ = try desk.store(desk.editor).edit(ref, ClaimContent(headline: headline))
            _ = try desk.store(desk.reviewer).approve(ref, note: nil)
            _ = try desk.store(desk.reviewer).publish([ref])
        }

        func export(_ extra: String...) throws -> CLIResult {
            try desk.run(exporter, ["export", "--out", out, "--as-of", "2026-07-01"] + extra)
        }

        func file(_ path: String) throws -> String {
            try String(contentsOf: URL(fileURLWithPath: out).appendingPathComponent(path), encoding: .utf8)
        }

        /// Every file of the export, path → bytes.
        func files(at root: String? = nil) throws -> [String: Data] {
            let base = URL(fileURLWithPath: root ?? out)
            var result: [String: Data] = [:]
            let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])
            while let url = enumerator?.nextObject() as? URL {
                guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
                result[String(url.path.dropFirst(base.path.count + 1))] = try Data(contentsOf: url)
            }
            return result
        }
    }

    @Test("the exporter role writes the whole site; drafts never leave the building")
    func exportsPublishedOnly() throws {
        let site = try Site()
        // A later draft must not appear anywhere in the export.
        _ = try site.desk.store(site.desk.editor).edit(
            ClaimRef(tool: ToolSlug("deepseek"), topic: TopicKey("training")),
            ClaimContent(headline: "UNPUBLISHED-DRAFT-HEADLINE"))
        let result = try site.export("--json")
        expectSuccess(result)
        let summary = try #require(try result.json() as? [String: Any])
        #expect(summary["mode"] as? String == "full")
        // A fixed number, whatever the catalogue's size (the bench prints it for 10,000 tools too): BEGIN, the
        // settings, vocabulary, tools, tiers, feed, the streaming switch, the rows with the change log, COMMIT.
        #expect((summary["statements"] as? Int ?? 99) <= 9)
        let files = try site.files()
        for path in [
            "api/v1/tools.json", "api/v1/tools/deepseek.json", "tools/deepseek/index.html", "index.html", "changes.xml",
            "sitemap.xml", "manifest.json",
        ] {
            #expect(files[path] != nil, "missing \(path)")
        }
        for (path, data) in files {
            #expect(
                !String(decoding: data, as: UTF8.self).contains("UNPUBLISHED-DRAFT-HEADLINE"),
                "draft leaked into \(path)")
        }
        let page = try site.file("tools/deepseek/index.html")
        for text in [
            "Does DeepSeek train on your data?", "Trains by default", "No zero-retention option", "Opt-out available",
            "Can you opt out?", "Zero retention / DPA", "What the listicles get wrong", "DeepSeek consumer app / web",
            "Trains unless you opt out", "No BAA", "No PHI",
            "https://www.hathr.ai/blogs/deepseek-ai-is-dangerous-for-healthcare",
            "https://cdn.deepseek.com/policies/en-US/deepseek-terms-of-use.html",
            "Last verified <time datetime=\"2026-06-01\">2026-06-01</time>",
            "FAQPage", "Frequently asked questions",
        ] {
            #expect(page.contains(text), "the page lacks \(text)")
        }
    }

    @Test("a second export of the same data is byte-identical; --check passes, then catches a modified file")
    func deterministicAndChecked() throws {
        let site = try Site()
        expectSuccess(try site.export())
        let first = try site.files()
        expectSuccess(try site.export())
        #expect(try site.files() == first)
        let check = try site.desk.run(site.exporter, "export", "--out", site.out, "--check")
        expectSuccess(check)
        #expect(check.stdout.contains("is intact"))
        let page = URL(fileURLWithPath: site.out).appendingPathComponent("tools/deepseek/index.html")
        try Data((try site.file("tools/deepseek/index.html") + "<!-- tampered -->").utf8).write(to: page)
        let tampered = try site.desk.run(site.exporter, "export", "--out", site.out, "--check")
        #expect(tampered.status != 0)
        #expect(tampered.stdout.contains("modified: tools/deepseek/index.html"))
        #expect(tampered.stderrLines.count == 1)
    }

    @Test("--check reports drift when something was published after the export")
    func checkSeesNewPublications() throws {
        let site = try Site()
        expectSuccess(try site.export())
        try site.republishTraining(headline: "A newer answer.")
        let check = try site.desk.run(site.exporter, "export", "--out", site.out, "--check")
        #expect(check.status != 0)
        #expect(check.stdout.contains("drift:"))
    }

    @Test("--incremental after a publish and a retraction gives the same bytes as a full export")
    func incrementalEqualsFull() throws {
        let site = try Site()
        expectSuccess(try site.export())
        try site.republishTraining(headline: "A newer answer.")
        _ = try site.desk.store(site.desk.reviewer).retract(
            ClaimRef(tool: ToolSlug("deepseek"), topic: TopicKey("retention")), note: "Policy text changed.")
        let incremental = try site.export("--incremental", "--json")
        expectSuccess(incremental)
        let summary = try #require(try incremental.json() as? [String: Any])
        #expect(summary["mode"] as? String == "incremental")
        let incrementalFiles = try site.files()
        let full = site.folder.appendingPathComponent("full").path
        expectSuccess(try site.desk.run(site.exporter, ["export", "--out", full, "--as-of", "2026-07-01"]))
        #expect(try site.files(at: full) == incrementalFiles)
        #expect(try site.file("tools/deepseek/index.html").contains("A newer answer."))
        #expect(try site.file("changes.xml").contains("Policy text changed."))
    }

    @Test("export refuses bad settings in one line and leaves the previous export whole")
    func badSettings() throws {
        let site = try Site()
        expectSuccess(try site.export())
        let before = try site.files()
        for arguments in [
            ["--as-of", "2026-02-30"], ["--base-url", "javascript:alert(1)"], ["--staleness-days", "0"],
            ["--incremental", "--check"],
        ] {
            let result = try site.desk.run(site.exporter, ["export", "--out", site.out] + arguments)
            #expect(result.status != 0 && !result.crashed, "\(result)")
            #expect(result.stderrLines.count == 1, "\(result)")
        }
        #expect(try site.files() == before)
        // A role that may not read published data gets one line too, and nothing is written.
        let nobody = try site.desk.db.makeUser("nobody", roles: [])
        let denied = try site.desk.run(nobody, ["export", "--out", site.out])
        #expect(denied.status != 0 && denied.stderrLines.count == 1, "\(denied)")
        #expect(try site.files() == before)
    }

    @Test("round trip: dump, import into an empty database, review, publish, export gives the same pages")
    func roundTrip() throws {
        let site = try Site()
        expectSuccess(try site.export())
        let dumped = try site.desk.run(site.desk.reviewer, "dump")
        expectSuccess(dumped)
        let file = site.folder.appendingPathComponent("dump.yaml")
        try Data(dumped.stdout.utf8).write(to: file)
        // A second, empty database: one person holds admin and editor so the import may create the tool.
        let other = try Desk(seedTool: false)
        let importer = try other.db.makeUser("ivy", roles: ["admin", "editor"])
        let exporter = try other.db.makeUser("xena", roles: ["exporter"])
        expectSuccess(try CLI.run(["import", file.path, "--database", try other.db.url(as: importer)]))
        let reviewer = try other.store(other.reviewer)
        for item in try reviewer.reviewQueue() { _ = try reviewer.approve(item.ref, note: nil) }
        _ = try reviewer.publishAllReviewed()
        let out2 = site.folder.appendingPathComponent("site2").path
        expectSuccess(
            try CLI.run(
                ["export", "--out", out2, "--as-of", "2026-07-01", "--database", try other.db.url(as: exporter)]))
        let a = try site.files()
        let b = try site.files(at: out2)
        #expect(Set(a.keys) == Set(b.keys))
        // Publication times and sequence numbers differ by nature; everything else must not.
        for path in ["api/v1/tools.json", "api/v1/tools/deepseek.json", "tools/deepseek/index.html", "index.html"] {
            #expect(Self.normalized(a[path]) == Self.normalized(b[path]), "\(path) differs after the round trip")
        }
    }

    /// The file's text with timestamps and publish sequence numbers blanked.
    static func normalized(_ data: Data?) -> String {
        var text = String(decoding: data ?? Data(), as: UTF8.self)
        for pattern in [
            #"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})"#,
            #""(publish_seq|seq|last_seq)"\s*:\s*\d+"#,
        ] {
            text = text.replacingOccurrences(of: pattern, with: "<x>", options: .regularExpression)
        }
        return text
    }
}
