import ClaimDeskDomain
import ClaimDeskStore
import ClaimDeskTestSupport
import Foundation
import LibPQ
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Terminal output, files and exit statuses when the input or the stored text is hostile (issue 8, items 8 and 9).
@Suite("Output and file hygiene, exit statuses")
struct HygieneTests {
    /// What an editor could store to attack a reviewer's terminal: clear the screen, a C1 CSI, a carriage return
    /// that overwrites the line, a bidi override.
    static let hostile = "Safe\u{1B}[2J\u{1B}]0;pwned\u{07} \u{9B}1m\rNo\u{202E}drow"

    @Test("claim show, review queue, history, diff, audit, tool show and stale show control characters visibly")
    func controlCharactersAreVisible() throws {
        let desk = try Desk()
        try desk.seedWorkflow()
        try storeLegacyText(desk)
        let commands: [[String]] = [
            ["claim", "show", "deepseek:training"], ["review", "queue"], ["claim", "history", "deepseek:training"],
            ["claim", "diff", "deepseek:training"], ["audit"], ["tool", "show", "deepseek"], ["tool", "list"],
            ["stale", "--older-than", "1"],
        ]
        for command in commands {
            let r = try desk.run(desk.reviewer, command)
            #expect(r.status == 0, "\(r)")
            for forbidden in ["\u{1B}", "\u{9B}", "\r", "\u{07}", "\u{202E}"] {
                #expect(!r.stdout.contains(forbidden), "raw \(forbidden.unicodeScalars.map(\.value)) in \(command)")
                #expect(!r.stderr.contains(forbidden), "raw control character on stderr of \(command)")
            }
        }
        let show = try desk.run(desk.reviewer, "claim", "show", "deepseek:training")
        #expect(show.stdout.contains("Headline Safe^[[2J^[]0;pwned^G \\u{9B}1m^MNo\\u{202E}drow"), "\(show)")
        let queue = try desk.run(desk.reviewer, "review", "queue")
        #expect(queue.stdout.contains("^[[2J"), "\(queue)")
        let tools = try desk.run(desk.reviewer, "tool", "list")
        #expect(tools.stdout.contains("DeepSeekSafe^[[2J"), "\(tools)")

        // JSON is unaffected: the same text, escaped as JSON escapes it, decodes to exactly what is stored.
        let json = try desk.run(desk.reviewer, "claim", "show", "deepseek:training", "--json")
        expectSuccess(json)
        #expect(json.stdout.contains("\\u001b[2J"), "\(json)")
        let open = try #require((try json.json() as? [String: Any])?["open"] as? [String: Any])
        #expect(open["headline"] as? String == "Headline " + HygieneTests.hostile)
    }

    @Test("a refusal that quotes hostile input shows its control characters visibly")
    func refusalEchoIsVisible() throws {
        let desk = try Desk()
        let r = try desk.run(desk.editor, "claim", "show", "deepseek:\u{1B}[2Jx")
        #expect(r.status == Exit.invalid.rawValue || r.status == Exit.usage.rawValue, "\(r)")
        #expect(!r.stderr.contains("\u{1B}"), "\(r)")
        #expect(r.stderr.contains("^[[2J"), "\(r)")
    }

    /// Text written before the text rules existed (migration 0010) or under a relaxed copy of them: the
    /// superuser drops the text CHECKs of this test database and writes control characters straight into it.
    private func storeLegacyText(_ desk: Desk) throws {
        let admin = try desk.db.connect()
        defer { admin.close() }
        let checks = try admin.query(
            """
            SELECT conrelid::regclass::text AS rel, conname FROM pg_constraint
            WHERE connamespace = 'claimdesk'::regnamespace AND contype = 'c'
              AND pg_get_constraintdef(oid) ~ 'check_text|is_text'
            """)
        for check in checks {
            try admin.execute(
                Query(
                    unsafeSQL:
                        "ALTER TABLE \(check["rel"] ?? "") DROP CONSTRAINT \(try admin.escapeIdentifier(check["conname"] ?? ""))"
                ))
        }
        let text = HygieneTests.hostile
        try admin.execute(
            """
            UPDATE claimdesk.revisions SET headline = \("Headline " + text), body = \("Body " + text),
                note = \("Note " + text), changes_requested = true
            WHERE state = 'draft' AND claim_id = (SELECT id FROM claimdesk.claims WHERE topic_key = 'training')
            """)
        try admin.execute(
            """
            UPDATE claimdesk.citations SET supports = \("Supports " + text), title = \("Title " + text)
            WHERE revision_id IN (SELECT id FROM claimdesk.revisions WHERE state = 'draft')
            """)
        try admin.execute("UPDATE claimdesk.tools SET name = \("DeepSeek" + text), category = \("Chat" + text)")
    }

    @Test("dump --out refuses a symbolic link, a device, a named pipe and a directory, and writes atomically")
    func dumpOut() throws {
        let desk = try Desk()
        try desk.seedWorkflow()
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("target.yaml")
        try Data("keep me\n".utf8).write(to: target)
        let link = dir.appendingPathComponent("link.yaml")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let fifo = dir.appendingPathComponent("pipe.yaml")
        #expect(mkfifo(fifo.path, 0o600) == 0)

        for (path, words) in [
            (link.path, "symbolic link"), ("/dev/null", "not a regular file"), (fifo.path, "not a regular file"),
            (dir.path, "is a directory"), (dir.appendingPathComponent("missing/x.yaml").path, "does not exist"),
        ] {
            let r = try desk.run(desk.editor, "dump", "--out", path)
            expectRefusal(r, status: Exit.invalid.rawValue, mentions: ["--out", words])
        }
        #expect(try String(contentsOf: target, encoding: .utf8) == "keep me\n", "nothing written through the link")
        var info = stat()
        #expect(lstat(link.path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK, "the link is still a link")
        #expect(lstat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "/dev/null is still a device")

        // A regular file is replaced whole, keeps its mode, and no temporary file is left behind.
        #expect(chmod(target.path, 0o640) == 0)
        let r = try desk.run(desk.editor, "dump", "--out", target.path)
        #expect(r.status == 0, "\(r)")
        let written = try String(contentsOf: target, encoding: .utf8)
        #expect(written.contains("deepseek"), "\(written)")
        #expect(lstat(target.path, &info) == 0 && info.st_mode & 0o777 == 0o640)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(left == ["link.yaml", "pipe.yaml", "target.yaml"], "\(left)")
    }

    @Test("import of a named pipe or a device is refused at once (exit 2) instead of waiting for a writer")
    func importNonRegularFile() throws {
        let desk = try Desk()
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("claims.yaml")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        // Should the import block on the pipe after all, a writer turns up after 20 s so the test fails, not hangs.
        let path = fifo.path
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 20)
            let fd = open(path, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
        }
        let started = Date()
        let r = try desk.run(desk.editor, "import", fifo.path)
        #expect(r.status == Exit.invalid.rawValue, "\(r)")
        #expect(r.stderr.contains("not a regular file"), "\(r)")
        #expect(Date().timeIntervalSince(started) < 15, "import waited on the pipe")
    }

    @Test("--body-file - stops reading at the body limit and refuses the rest, whatever size the input is")
    func bodyFileIsCapped() throws {
        let desk = try Desk()
        try desk.seedWorkflow()
        let before = try desk.db.snapshot()
        let r = try CLI.run(
            [
                "claim", "edit", "deepseek:training", "--body-file", "-", "--database",
                try desk.db.url(as: desk.editor),
            ],
            stdin: String(repeating: "a", count: 3_000_000))
        expectRefusal(r, status: Exit.invalid.rawValue, mentions: ["--body-file -", "longer than 20000 characters"])
        #expect(r.stderr.contains("stopped reading after"), "\(r)")
        #expect(try desk.db.snapshot() == before)

        // /dev/zero never ends: only a capped read returns.
        let zero = try desk.run(desk.editor, "claim", "edit", "deepseek:training", "--body-file", "/dev/zero")
        expectRefusal(zero, status: Exit.invalid.rawValue, mentions: ["--body-file /dev/zero"])
    }

    @Test("bad input exits 2: export URL settings, reserved handles, out-of-range --base")
    func invalidInputStatus() throws {
        let desk = try Desk()
        try desk.seedWorkflow()
        let site = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: site) }
        let url = try desk.db.url(as: desk.admin)

        var r = try desk.run(desk.admin, "export", "--out", site.path, "--notify-url", "javascript:alert(1)")
        expectRefusal(r, status: Exit.invalid.rawValue, mentions: ["notify"])
        r = try CLI.run(
            ["export", "--out", site.path, "--database", url], environment: ["CLAIMDESK_SITE_URL": "ftp://example.org"])
        expectRefusal(r, status: Exit.invalid.rawValue, mentions: ["ftp://example.org"])

        for handle in ["public", "none"] {
            r = try desk.run(desk.admin, "user", "add", handle, "--role", "editor")
            expectRefusal(r, status: Exit.invalid.rawValue, mentions: [handle])
        }
        for base in ["1:2147483648", "99999999999999999999:1"] {
            r = try desk.run(desk.editor, "claim", "edit", "deepseek:training", "--headline", "New.", "--base", base)
            expectRefusal(r, status: Exit.invalid.rawValue, mentions: ["--base \(base)", "out of range"])
            r = try desk.run(desk.reviewer, "review", "approve", "deepseek:baa", "--base", base)
            expectRefusal(r, status: Exit.invalid.rawValue, mentions: ["--base \(base)"])
        }
    }

    private func scratchDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "claimdesk-hygiene-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
