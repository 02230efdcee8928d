import ClaimDeskDomain
import ClaimDeskNotify
import ClaimDeskStore
import Foundation
import LibPQ
import Testing

/// Delivery through a real MTA client (msmtp) to a real SMTP server on loopback: one message per subscriber per
/// material change, proper headers, never twice after success, retried after failure, nothing lost in a crash.
@Suite("Outbox delivery", .serialized)
struct DeliveryTests {
    @Test("a verdict change reaches each confirmed subscriber once, with old and new verdicts and RFC 8058 headers")
    func deliversOnce() throws {
        let f = try NotifyFixture()
        let sink = try MailSink()
        try f.subscribed("one@example.com")
        try f.subscribed("two@example.org")
        _ = try f.store(f.notifier).subscribe(tool: "deepseek", email: "pending@example.net", client: "c")
        try f.changeVerdict(to: "does_not_train", headline: "No: DeepSeek no longer trains on chats.")
        let sender = OutboxSender(
            composer: MailComposer(settings: try f.settings()), sendmail: try Sendmail(command: sink.sendmail))
        let report = try sender.sendDue(with: try f.store(f.notifier))
        #expect(report.sent == 2 && report.failed == 0)
        let mail = sink.waitFor(2)
        #expect(mail.count == 2)
        #expect(Set(mail.compactMap { $0.header("X-Sink-To") }) == ["one@example.com", "two@example.org"])
        for message in mail {
            #expect(
                message.header("Subject") == "DeepSeek changed: Trains by default → Does not train on your data"
                    || message.header("Subject")?.hasPrefix("=?utf-8?B?") == true)
            #expect(message.body.contains("Trains by default → Does not train on your data"))
            #expect(message.body.contains("https://example.org/tools/deepseek/"))
            #expect(message.header("List-Unsubscribe-Post") == "List-Unsubscribe=One-Click")
            let unsubscribe = try #require(message.header("List-Unsubscribe"))
            #expect(unsubscribe.hasPrefix("<http://127.0.0.1:8080/unsubscribe?token="))
            #expect(message.header("Message-ID")?.hasPrefix("<change-") == true)
            #expect(message.header("Date") != nil && message.header("From") == "notify@claimdesk.test")
        }
        // Nothing is due any more: a second run sends nothing.
        #expect(try sender.sendDue(with: try f.store(f.notifier)).sent == 0)
        #expect(sink.messages().count == 2)
        let status = try f.store(f.notifier).notifyStatus()
        #expect(status.first?.sent == 2 && status.first?.pending == 1 && status.first?.confirmed == 2)
    }

    @Test("a failing mail program leaves the message queued with backoff; it goes out later, once")
    func retriesAfterFailure() throws {
        let f = try NotifyFixture()
        let sink = try MailSink()
        try f.subscribed("one@example.com")
        try f.changeVerdict(to: "opt_in_only", headline: "Only if you opt in.")
        let composer = MailComposer(settings: try f.settings())
        let failing = OutboxSender(composer: composer, sendmail: try Sendmail(command: "/bin/false"))
        let first = try failing.sendDue(with: try f.store(f.notifier))
        #expect(first.sent == 0 && first.failed == 1)
        #expect(
            try f.count(
                "SELECT count(*) FROM claimdesk.outbox WHERE state = 'queued' AND attempts = 1 AND next_attempt_at > now()"
            ) == 1)
        let good = OutboxSender(composer: composer, sendmail: try Sendmail(command: sink.sendmail))
        #expect(try good.sendDue(with: try f.store(f.notifier)).sent == 0)  // backoff not over yet
        try f.execute("UPDATE claimdesk.outbox SET next_attempt_at = now() - interval '1 second'")
        #expect(try good.sendDue(with: try f.store(f.notifier)).sent == 1)
        #expect(sink.waitFor(1).count == 1)
    }

    @Test("a sender that crashes after leasing loses nothing: the lease runs out and the same Message-ID goes out")
    func crashLosesNothing() throws {
        let f = try NotifyFixture()
        let sink = try MailSink()
        try f.subscribed("one@example.com")
        try f.changeVerdict(to: "unclear", headline: "Unclear.")
        let leased = try f.store(f.notifier).claimOutbox(limit: 10, leaseSeconds: 60)
        #expect(leased.count == 1)
        let composer = MailComposer(settings: try f.settings())
        let expectedID = composer.notification(try #require(leased.first)).messageID
        // The crashed sender's lease still holds: nobody else takes the message.
        #expect(try f.store(f.notifier).claimOutbox(limit: 10).isEmpty)
        try f.execute("UPDATE claimdesk.outbox SET lease_until = now() - interval '1 second'")
        let sender = OutboxSender(composer: composer, sendmail: try Sendmail(command: sink.sendmail))
        #expect(try sender.sendDue(with: try f.store(f.notifier)).sent == 1)
        let mail = sink.waitFor(1)
        #expect(mail.first?.header("Message-ID") == "<\(expectedID)>")
    }

    @Test("one-click unsubscribe deletes the address; the next change sends nothing")
    func unsubscribe() throws {
        let f = try NotifyFixture()
        let sink = try MailSink()
        try f.subscribed("one@example.com")
        try f.changeVerdict(to: "opt_in_only", headline: "Only if you opt in.")
        let composer = MailComposer(settings: try f.settings())
        let sender = OutboxSender(composer: composer, sendmail: try Sendmail(command: sink.sendmail))
        #expect(try sender.sendDue(with: try f.store(f.notifier)).sent == 1)
        let link = try #require(sink.waitFor(1).first?.header("List-Unsubscribe"))
        let token = String(try #require(link.split(separator: "=").last).dropLast())
        #expect(try f.store(f.notifier).unsubscribe(token: token))
        #expect(try f.count("SELECT count(*) FROM claimdesk.subscribers") == 0)
        #expect(try f.store(f.notifier).unsubscribe(token: token) == false)
        try f.changeVerdict(to: "does_not_train", headline: "No.")
        #expect(try sender.sendDue(with: try f.store(f.notifier)).sent == 0)
        #expect(sink.messages().count == 1)
    }
}
