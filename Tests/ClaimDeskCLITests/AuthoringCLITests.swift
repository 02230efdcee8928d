import ClaimDeskAuthoring
import ClaimDeskCLI
import ClaimDeskDomain
import ClaimDeskStore
import ClaimDeskTestSupport
import Foundation
import Testing

/// `claimdesk import`, `claimdesk dump` and `claim edit` in $EDITOR, through the binary.
@Suite("Authoring through the claimdesk binary")
struct AuthoringCLITests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples/deepseek.yaml").path

    /// A scratch directory for files the commands read and write.
    final class Scratch {
        let url: URL

        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent(
                "claimdesk-authoring-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: url) }

        func path(_ name: String) -> String { url.appendingPathComponent(name).path }

        func write(_ name: String, _ text: String, executable: Bool = false) throws -> String {
            let path = path(name)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path) }
            return path
        }
    }

    /// Runs as `login` with extra environment (the editor).
    func run(_ desk: Desk, _ login: String, _ arguments: [String], environment: [String: String] = [:]) throws
        -> CLIResult
    {
        try CLI.run(arguments + ["--database", try desk.db.url(as: login)], environment: environment)
    }

    func publishAll(_ desk: Desk) throws {
        let reviewer = try desk.store(desk.reviewer)
        for item in try reviewer.reviewQueue() where item.state == .draft {
            _ = try reviewer.approve(item.ref, note: nil)
        }
        _ = try reviewer.publishAllReviewed()
    }

    @Test("import prints a line per claim; a second import of the same file changes nothing")
    func importSample() throws {
        let desk = try Desk()
        var r = try desk.run(desk.editor, "import", Self.sample)
        expectSuccess(r)
        #expect(r.stdout.hasPrefix("Imported \(Self.sample): 9 created, 0 updated, 0 unchanged (9 claims)."))
        #expect(r.stdout.contains("  created  deepseek/consumer:training  revision 1 (draft)"))
        #expect(r.stdout.contains("Next: a reviewer approves them (claimdesk review queue)"))
        let before = try desk.db.snapshot()
        r = try desk.run(desk.editor, "import", Self.sample, "--json")
        expectSuccess(r)
        let json = try #require(try r.json() as? [String: Any])
        let report = try #require(json["report"] as? [String: Any])
        let claims = try #require(report["claims"] as? [[String: Any]])
        #expect(claims.count == 9)
        #expect(claims.allSatisfy { $0["outcome"] as? String == "unchanged" })
        #expect(claims.first?["ref"] as? String == "deepseek:training")
        #expect(try desk.db.snapshot() == before)
    }

    @Test("a refused file lists every problem on standard error, one per line, exits 2 and writes nothing")
    func refusedFile() throws {
        let desk = try Desk()
        let scratch = try Scratch()
        let file = try scratch.write(
            "bad.yaml",
            """
            claims:
            - ref: deepseek:training
              verdict: yes
              headlin: Yes.
              confidence: medium
              verified: 2026-02-30

            """)
        let before = try desk.db.snapshot()
        var r = try desk.run(desk.editor, "import", file)
        #expect(r.status == Exit.invalid.rawValue && !r.crashed, "\(r)")
        #expect(r.stdout.isEmpty)
        #expect(
            r.stderrLines == [
                "claimdesk: \(file): 4 problems; nothing was imported.",
                "\(file):2: claims[0].headline is missing; give the short answer, e.g. \"Yes, by default.\"",
                "\(file):3: claims[0].verdict \"yes\" is not a verdict of topic training; expected one of "
                    + "trains_by_default, trains_unless_opt_out, opt_in_only, does_not_train, unclear",
                "\(file):4: claims[0].headlin is not a field of a claim (did you mean headline?); allowed fields: ref, "
                    + "verdict, headline, body, confidence, verified, verified_by, citations",
                "\(file):6: claims[0].verified \"2026-02-30\" is not a real date; write it as YYYY-MM-DD, e.g. 2026-06-01",
            ])
        r = try desk.run(desk.editor, "import", file, "--json")
        #expect(r.status == Exit.invalid.rawValue)
        let json = try #require(try r.json() as? [String: Any])
        #expect(json["imported"] as? Bool == false)
        #expect((json["problems"] as? [[String: Any]])?.map { $0["line"] as? Int } == [2, 3, 4, 6])
        r = try desk.run(desk.editor, "import", scratch.path("missing.yaml"))
        #expect(r.stderrLines.last == "\(scratch.path("missing.yaml")): does not exist; check the path")
        r = try desk.run(desk.editor, "import", scratch.path("notes.txt"))
        expectRefusal(r, status: Exit.usage.rawValue, mentions: ["notes.txt", ".yaml, .yml or .json"])
        #expect(try desk.db.snapshot() == before)
    }

    @Test("an editor's import that needs new tools is refused, naming them, with nothing written")
    func editorCannotAddTools() throws {
        let desk = try Desk(seedTool: false)
        let before = try desk.db.snapshot()
        let r = try desk.run(desk.editor, "import", Self.sample)
        expectRefusal(
            r, status: Exit.forbidden.rawValue,
            mentions: ["deepseek, deepseek/consumer", "only an admin", "nothing was imported"])
        #expect(try desk.db.snapshot() == before)
    }

    @Test(
        "dump writes the live claims as YAML to stdout or a file; import of the dump into an empty database round-trips"
    )
    func dumpAndRoundTrip() throws {
        let desk = try Desk()
        expectSuccess(try desk.run(desk.editor, "import", Self.sample))
        try publishAll(desk)
        var r = try desk.run(desk.editor, "dump")
        expectSuccess(r)
        #expect(r.stdout == (try desk.store(desk.editor).dump().yaml()))
        #expect(r.stdout.hasPrefix("tools:\n- slug: deepseek\n"))
        let scratch = try Scratch()
        let file = scratch.path("deepseek.yaml")
        r = try desk.run(desk.editor, "dump", "deepseek", "--out", file)
        #expect(r.status == 0 && r.stdout.isEmpty, "\(r)")
        #expect(r.stderrLines == ["Wrote 1 tool and 9 claims to \(file)."])
        r = try desk.run(desk.editor, "dump", "--json", "--open")
        expectSuccess(r)
        #expect((try r.json() as? [String: Any])?["claims"].map { ($0 as? [Any])?.count } == 9)
        expectRefusal(try desk.run(desk.editor, "dump", "nope"), status: Exit.notFound.rawValue, mentions: ["nope"])

        let empty = try Desk(seedTool: false)
        expectSuccess(try empty.run(empty.admin, "import", file))
        try publishAll(empty)
        r = try empty.run(empty.editor, "dump")
        #expect(r.stdout == (try String(contentsOfFile: file, encoding: .utf8)))
    }

    @Test("claim edit with no flags runs $EDITOR: a valid edit drafts, an unchanged file cancels")
    func editInEditor() throws {
        let desk = try Desk()
        expectSuccess(try desk.run(desk.editor, "import", Self.sample))
        try publishAll(desk)
        let scratch = try Scratch()
        let editor = try scratch.write(
            "editor.sh", "#!/bin/sh\nsed -i 's/^confidence: medium/confidence: high/' \"$1\"\n", executable: true)
        var r = try run(desk, desk.editor2, ["claim", "edit", "deepseek:training"], environment: ["EDITOR": editor])
        expectSuccess(r)
        #expect(r.stdout.hasPrefix("Edited deepseek:training revision 2 (draft, id "))
        let status = try desk.store(desk.editor).claim(Desk.ref("deepseek:training"))
        #expect(status.live?.confidence == .medium)
        #expect(status.open?.confidence == .high && status.open?.author == desk.editor2)

        let before = try desk.db.snapshot()
        r = try run(desk, desk.editor2, ["claim", "edit", "deepseek:training"], environment: ["EDITOR": "true"])
        expectSuccess(r)
        #expect(r.stdout == "Edit cancelled: the file was left unchanged, so nothing was saved.\n")
        r = try run(
            desk, desk.editor2, ["claim", "edit", "deepseek:training", "--json"], environment: ["VISUAL": "true"])
        #expect((try r.json() as? [String: Any])?["changed"] as? Bool == false)
        r = try run(desk, desk.editor2, ["claim", "edit", "deepseek:training"], environment: ["EDITOR": "false"])
        expectRefusal(r, status: Exit.failure.rawValue, mentions: ["Edit cancelled", "exited with status 1"])
        r = try run(
            desk, desk.editor2, ["claim", "edit", "deepseek:training", "--base", "1:1"], environment: ["EDITOR": editor]
        )
        expectRefusal(r, status: Exit.usage.rawValue, mentions: ["--base goes with content flags"])
        #expect(try desk.db.snapshot() == before)
    }
}
