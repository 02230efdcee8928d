import ClaimDeskDomain
import ClaimDeskNotify
import ClaimDeskPublishing
import ClaimDeskServer
import ClaimDeskStore
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The reader's whole story with real parts: an exported page served over HTTP and opened in headless Chromium,
/// the service on a real socket, msmtp delivering to an SMTP server on loopback.
@Suite("Reader flow in Chromium", .serialized, .timeLimit(.minutes(2)))
struct BrowserFlowTests {
    struct Page: Decodable {
        var url: String
        var status: Int?
        var text: String
    }

    static func browser(_ arguments: [String]) throws -> Page {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", MailSink.repo.appendingPathComponent("scripts/browser").path] + arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "scripts/browser \(arguments.joined(separator: " ")) failed")
        return try JSONDecoder().decode(Page.self, from: data)
    }

    /// A free loopback port (bound and released; the test binds it again at once).
    static func freePort() throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])",
        ]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return try #require(Int(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// Serves `folder` over HTTP on loopback (Python's http.server); stops when released.
    final class StaticSite {
        let process = Process()
        let port: Int

        init(_ folder: URL) throws {
            port = try BrowserFlowTests.freePort()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [
                "python3", "-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", folder.path,
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
        }

        deinit {
            // SIGKILL: the test runner's children may inherit an ignored SIGTERM.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    static func get(_ url: String) async -> Int? {
        guard let url = URL(string: url) else { return nil }
        return ((try? await URLSession.shared.data(from: url))?.1 as? HTTPURLResponse)?.statusCode
    }

    @Test("subscribe on the page, confirm by the mail's link and button, one note per change, one-click unsubscribe")
    func readerStory() async throws {
        let f = try NotifyFixture()
        let sink = try MailSink()
        let servicePort = try Self.freePort()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "claimdesk-flow-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let siteFolder = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: siteFolder, withIntermediateDirectories: true)
        let site = try StaticSite(siteFolder)
        let siteRoot = "http://127.0.0.1:\(site.port)"
        _ = try SiteExporter().export(
            catalog: try f.store(f.exporter).publishedCatalog(),
            config: SiteConfig(
                baseURL: siteRoot, notifyURL: "http://127.0.0.1:\(servicePort)/notify", asOf: Day.today()),
            to: siteFolder)

        let notifier = f.notifier
        let db = f.db
        let pool = StorePool(size: 4) { try db.store(as: notifier) }
        defer { pool.close() }
        let settings = ServerSettings(
            host: "127.0.0.1", port: servicePort,
            mail: try MailSettings(
                publicURL: "http://127.0.0.1:\(servicePort)", siteURL: siteRoot, from: "notify@claimdesk.test"),
            sendmail: try Sendmail(command: sink.sendmail), deliveryInterval: 0.3)
        let app = try NotifyServer.application(settings: settings, pool: pool)
        let group = ServiceGroup(configuration: .init(services: [app], logger: Logger(label: "test")))
        let server = Task { try await group.run() }
        defer { server.cancel() }
        try await story(f, sink, siteRoot: siteRoot, servicePort: servicePort)
        await group.triggerGracefulShutdown()
        _ = await server.result
    }

    func story(_ f: NotifyFixture, _ sink: MailSink, siteRoot: String, servicePort: Int) async throws {
        for _ in 0..<100 where await Self.get("http://127.0.0.1:\(servicePort)/health") != 200 {
            try await Task.sleep(for: .milliseconds(100))
        }
        for _ in 0..<100 where await Self.get("\(siteRoot)/tools/deepseek/") != 200 {
            try await Task.sleep(for: .milliseconds(100))
        }

        // The reader fills in the form on the exported page and submits it.
        let subscribed = try Self.browser([
            "\(siteRoot)/tools/deepseek/", "--type", "#notify-email=reader@example.com", "--click",
            "#notify button[type=submit]",
        ])
        #expect(subscribed.status == 200)
        #expect(subscribed.text.contains("Check your inbox"))
        let confirmation = try #require(sink.waitFor(1).first)
        let link = try #require(
            confirmation.body.split(whereSeparator: \.isNewline).map(String.init).first {
                $0.contains("/confirm?token=")
            })
        #expect(try f.count("SELECT count(*) FROM claimdesk.subscribers WHERE confirmed_at IS NULL") == 1)

        // The mail's link opens a page; only its button confirms.
        let confirmed = try Self.browser([link, "--click", "button[type=submit]"])
        #expect(confirmed.text.contains("You are subscribed"))
        #expect(try f.count("SELECT count(*) FROM claimdesk.subscribers WHERE confirmed_at IS NOT NULL") == 1)

        // A reviewer publishes a verdict change: exactly one note, with the old and new verdicts.
        try f.changeVerdict(to: "does_not_train", headline: "No: DeepSeek no longer trains on your chats.")
        let mail = sink.waitFor(2)
        try await Task.sleep(for: .seconds(1))
        #expect(sink.messages().count == 2)
        let note = try #require(mail.last)
        #expect(note.header("X-Sink-To") == "reader@example.com")
        #expect(note.body.contains("Trains by default → Does not train on your data"))
        #expect(note.body.contains("\(siteRoot)/tools/deepseek/"))

        // One-click unsubscribe (RFC 8058), as a mail provider does it.
        let unsubscribe = try #require(note.header("List-Unsubscribe")).dropFirst().dropLast()
        var request = URLRequest(url: try #require(URL(string: String(unsubscribe))))
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data("List-Unsubscribe=One-Click".utf8)
        let (_, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(try f.count("SELECT count(*) FROM claimdesk.subscribers") == 0)

        // The next change sends nothing.
        try f.changeVerdict(to: "opt_in_only", headline: "Only if you opt in.")
        try await Task.sleep(for: .seconds(1.5))
        #expect(sink.messages().count == 2)
        #expect(try f.count("SELECT count(*) FROM claimdesk.outbox WHERE state IN ('queued', 'sending')") == 0)
    }
}
