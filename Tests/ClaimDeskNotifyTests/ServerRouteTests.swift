import ClaimDeskDomain
import ClaimDeskNotify
import ClaimDeskServer
import ClaimDeskStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `claimdesk serve`'s routes, in process and over a real socket, with a real SMTP sink behind msmtp.
@Suite("Notification service routes", .serialized)
struct ServerRouteTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    static func app(_ f: NotifyFixture, _ sink: MailSink) throws -> (some ApplicationProtocol, StorePool) {
        let notifier = f.notifier
        let db = f.db
        let pool = StorePool(size: 4) { try db.store(as: notifier) }
        let settings = ServerSettings(
            host: "127.0.0.1", port: 0, mail: try f.settings(), sendmail: try Sendmail(command: sink.sendmail),
            deliveryInterval: 0)
        return (try NotifyServer.application(settings: settings, pool: pool), pool)
    }

    static func token(in mail: String, path: String) throws -> String {
        let marker = "/\(path)?token="
        let text = mail.body
        let start = try #require(text.range(of: marker)).upperBound
        return String(text[start...].prefix(64))
    }

    @Test("subscribe → check-your-inbox page and a confirmation mail; GET confirm changes nothing; POST confirms")
    func subscribeAndConfirm() async throws {
        let f = try NotifyFixture()
        let sink = try MailSink()
        let (app, pool) = try Self.app(f, sink)
        defer { pool.close() }
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/notify", method: .post, headers: Self.form,
                body: ByteBuffer(string: "tool=deepseek&email=reader%40example.com")
            ) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("Check your inbox"))
                #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
            let mail = try #require(sink.waitFor(1).first)
            #expect(mail.header("X-Sink-To") == "reader@example.com")
            let token = try Self.token(in: mail, path: "confirm")
            try await client.execute(uri: "/confirm?token=\(token)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("<form method=\"post\" action=\"/confirm\">"))
            }
            #expect(try f.count("SELECT count(*) FROM claimdesk.subscribers WHERE confirmed_at IS NULL") == 1)
            try await client.execute(
                uri: "/confirm", method: .post, headers: Self.form, body: ByteBuffer(string: "token=\(token)")
            ) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("You are subscribed"))
            }
            #expect(try f.count("SELECT count(*) FROM claimdesk.subscribers WHERE confirmed_at IS NOT NULL") == 1)
            try await client.execute(
                uri: "/confirm", method: .post, headers: Self.form, body: ByteBuffer(string: "token=\(token)")
            ) { response in #expect(response.status == .gone) }
            // Subscribing again: the same page, and no mail (no address enumeration).
            try await client.execute(
                uri: "/notify", method: .post, headers: Self.form,
                body: ByteBuffer(string: "tool=deepseek&email=reader%40example.com")
            ) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("Check your inbox"))
            }
        }
        try await Task.sleep(for: .milliseconds(300))
        #expect(sink.messages().count == 1)
    }

    @Test("bad requests get a clear 4xx page, store nothing and send nothing")
    func badRequests() async throws {
        let f = try NotifyFixture()
        let sink = try MailSink()
        let (app, pool) = try Self.app(f, sink)
        defer { pool.close() }
        try await app.test(.router) { client in
            let cases: [(HTTPFields, String, HTTPResponse.Status)] = [
                (Self.form, "tool=deepseek&email=not-an-address", .badRequest),
                (Self.form, "tool=deepseek&email=a%40example.com%0D%0ABcc%3A%20victim%40example.org", .badRequest),
                (Self.form, "tool=deepseek&email=a%40example.com&email=b%40example.com", .badRequest),
                (Self.form, "tool=unknown-tool&email=a%40example.com", .notFound),
                (Self.form, "tool=..%2F&email=a%40example.com", .badRequest),
                (
                    [.contentType: "application/json"], "{\"tool\":\"deepseek\",\"email\":\"a@example.com\"}",
                    .badRequest
                ),
                (
                    Self.form, "tool=deepseek&email=a%40example.com&pad=" + String(repeating: "x", count: 5000),
                    .contentTooLarge
                ),
            ]
            for (headers, body, status) in cases {
                try await client.execute(
                    uri: "/notify", method: .post, headers: headers, body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == status, "\(body.prefix(60))")
                    #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                }
            }
            try await client.execute(uri: "/confirm?token=short", method: .get) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/nowhere", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
        }
        #expect(try f.count("SELECT count(*) FROM claimdesk.subscribers") == 0)
        try await Task.sleep(for: .milliseconds(300))
        #expect(sink.messages().isEmpty)
    }

    @Test("RFC 8058 one-click: POST to the List-Unsubscribe URL deletes the address, over a real socket")
    func oneClickLive() async throws {
        let f = try NotifyFixture()
        let sink = try MailSink()
        try f.subscribed("reader@example.com")
        try f.changeVerdict(to: "does_not_train", headline: "No.")
        let sender = OutboxSender(
            composer: MailComposer(settings: try f.settings()), sendmail: try Sendmail(command: sink.sendmail))
        #expect(try sender.sendDue(with: try f.store(f.notifier)).sent == 1)
        let mail = try #require(sink.waitFor(1).first)
        let link = try #require(mail.header("List-Unsubscribe"))
        #expect(link.hasPrefix("<http://127.0.0.1:8080/unsubscribe?token=") && link.hasSuffix(">"))
        let token = String(link.dropLast().suffix(64))
        let (app, pool) = try Self.app(f, sink)
        defer { pool.close() }
        try await app.test(.live) { client in
            try await client.execute(uri: "/unsubscribe?token=\(token)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("Unsubscribe"))
            }
            #expect(try f.count("SELECT count(*) FROM claimdesk.subscribers") == 1)
            try await client.execute(
                uri: "/unsubscribe?token=\(token)", method: .post, headers: Self.form,
                body: ByteBuffer(string: "List-Unsubscribe=One-Click")
            ) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("You are unsubscribed"))
            }
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
        }
        #expect(try f.count("SELECT count(*) FROM claimdesk.subscribers") == 0)
    }
}
