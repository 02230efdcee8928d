import ClaimDeskTestSupport
import Foundation
import LibPQ
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `claimdesk` says when it cannot reach PostgreSQL or loses it mid-command: one line, the right exit status,
/// and advice that fits where the server is (issue 8 item 9, issue 12).
@Suite("Connection failures: one line, advice that fits the server")
struct ConnectionMessageTests {
    @Test("sslmode=require against a server without SSL says so and does not suggest scripts/dev-db")
    func sslRequired() throws {
        let server = try NoSSLServer()
        defer { server.stop() }
        let r = try CLI.run([
            "tool", "list", "--database", "postgresql://127.0.0.1:\(server.port)/claimdesk?sslmode=require",
        ])
        expectRefusal(r, status: Exit.connection.rawValue, mentions: ["127.0.0.1", "SSL", "sslmode"])
        #expect(!r.stderr.contains("dev-db"), "\(r)")
    }

    @Test("a remote host that cannot be reached does not suggest scripts/dev-db")
    func remoteHost() throws {
        let r = try CLI.run([
            "tool", "list", "--database", "postgresql://db.example.invalid:5432/claimdesk?connect_timeout=3",
        ])
        expectRefusal(r, status: Exit.connection.rawValue, mentions: ["db.example.invalid"])
        #expect(!r.stderr.contains("dev-db"), "\(r)")
    }

    @Test("a local socket that nothing listens on may suggest scripts/dev-db, and says the port came from PGPORT")
    func portFromEnvironment() throws {
        let r = try CLI.run(
            ["tool", "list", "--database", "postgresql:///claimdesk?host=/nonexistent"], environment: ["PGPORT": "1"])
        expectRefusal(r, status: Exit.connection.rawValue, mentions: ["port 1 (from PGPORT)", "dev-db"])
        let explicit = try CLI.run(
            ["tool", "list", "--database", "postgresql:///claimdesk?host=/nonexistent&port=2"],
            environment: ["PGPORT": "1"])
        expectRefusal(explicit, status: Exit.connection.rawValue, mentions: ["port 2"])
        #expect(!explicit.stderr.contains("PGPORT)"), "\(explicit)")
    }

    @Test("losing the server mid-command is one line (no LibPQ warning before it) and exit 8")
    func lostMidCommand() throws {
        let desk = try Desk()
        let admin = try desk.db.connect()
        defer { admin.close() }
        // The command waits on this lock, so the test knows it is mid-command when it ends the session.
        try admin.execute("BEGIN")
        try admin.execute("LOCK TABLE claimdesk.tools IN ACCESS EXCLUSIVE MODE")
        let running = try BackgroundCLI(["tool", "list", "--database", try desk.db.url(as: desk.editor)])
        // Watched from a second session: a transaction sees pg_stat_activity as of its first look.
        let watcher = try desk.db.connect()
        defer { watcher.close() }
        var terminated = false
        for _ in 0..<200 where !terminated {
            let rows = try watcher.query(
                """
                SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
                WHERE datname = current_database() AND usename = \(desk.editor) AND wait_event_type = 'Lock'
                """)
            terminated = rows.contains { $0["done"] == "t" }
            if !terminated { Thread.sleep(forTimeInterval: 0.05) }
        }
        try admin.execute("ROLLBACK")
        #expect(terminated, "the command never waited on the lock")
        let r = try running.wait()
        expectRefusal(r, status: Exit.connection.rawValue, mentions: ["Lost the connection to PostgreSQL"])
    }
}

/// `claimdesk` started in the background, for tests that act on the server while it runs.
final class BackgroundCLI {
    let process = Process()
    let arguments: [String]
    let out: URL
    let err: URL

    init(_ arguments: [String]) throws {
        self.arguments = arguments
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("claimdesk-bg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        out = dir.appendingPathComponent("stdout")
        err = dir.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.executableURL = try CLI.binary()
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = nil
        environment["CLAIMDESK_LOG_LEVEL"] = nil
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    func wait() throws -> CLIResult {
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        return CLIResult(
            arguments: arguments, status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self),
            crashed: process.terminationReason != .exit)
    }
}

/// A TCP listener on 127.0.0.1 that answers PostgreSQL's SSLRequest with "N" (no SSL), as a server with
/// `ssl = off` does, then hangs up.
final class NoSSLServer: @unchecked Sendable {
    let port: Int
    private let fd: Int32

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw CLITestError("socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(listener, 4) == 0 else {
            close(listener)
            throw CLITestError("bind/listen failed")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        fd = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread {
            while true {
                let client = accept(listener, nil, nil)
                if client < 0 { return }
                var request = [UInt8](repeating: 0, count: 8)
                _ = recv(client, &request, 8, 0)
                var no = UInt8(ascii: "N")
                _ = send(client, &no, 1, 0)
                close(client)
            }
        }
    }

    func stop() {
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }
}
