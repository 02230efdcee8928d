import ClaimDeskDomain
import ClaimDeskNotify
import ClaimDeskStore
import Foundation
import LibPQ
import Testing

/// Subscriptions as the database holds them: double opt-in with hashed single-use tokens, addresses readable by the
/// notifier only, rate limits shared by every process, nothing stored on bad input.
@Suite("Subscription rules")
struct SubscriptionRulesTests {
    @Test("subscribe gives a token stored only as a hash; confirming twice fails; a subscriber can be unsubscribed")
    func doubleOptIn() throws {
        let f = try NotifyFixture()
        let store = try f.store(f.notifier)
        let sub = try store.subscribe(tool: "deepseek", email: "reader@example.com", client: "1.2.3.4")
        let token = try #require(sub.confirmToken)
        #expect(token.count == 64)
        #expect(try f.count("SELECT count(*) FROM claimdesk.subscribers WHERE confirmed_at IS NULL") == 1)
        #expect(
            try f.count(
                "SELECT count(*) FROM claimdesk.subscribers WHERE confirm_hash = sha256(convert_to('\(token)', 'UTF8'))"
            )
                == 1)
        let dump = try f.db.snapshot() + String(try f.count("SELECT count(*) FROM claimdesk.subscribers"))
        #expect(!dump.contains(token))
        #expect(try store.confirmSubscription(token: token).tool.rawValue == "deepseek")
        #expect((try? store.confirmSubscription(token: token)) == nil)
        // Subscribing again once confirmed: no new token, same answer.
        #expect(
            try store.subscribe(tool: "deepseek", email: "Reader@Example.com", client: "1.2.3.4").confirmToken == nil)
        #expect(try f.count("SELECT count(*) FROM claimdesk.subscribers") == 1)
    }

    @Test("expired confirmation tokens fail and unconfirmed addresses are deleted after expiry")
    func expiry() throws {
        let f = try NotifyFixture()
        let store = try f.store(f.notifier)
        let token = try #require(
            try store.subscribe(tool: "deepseek", email: "late@example.com", client: "c").confirmToken)
        try f.execute("UPDATE claimdesk.subscribers SET confirm_expires = now() - interval '1 second'")
        #expect((try? store.confirmSubscription(token: token)) == nil)
        _ = try store.subscribe(tool: "deepseek", email: "next@example.com", client: "c")
        #expect(try f.count("SELECT count(*) FROM claimdesk.subscribers WHERE email = 'late@example.com'") == 0)
    }

    @Test("bad addresses, header injection and unknown tools are refused and store nothing")
    func badInput() throws {
        let f = try NotifyFixture()
        let store = try f.store(f.notifier)
        for email in [
            "", "no-at-sign", "a@b", "x@example.com\r\nBcc: victim@example.org", "two@example.com, three@example.com",
            "x@example.com\n", "<x@example.com>", String(repeating: "a", count: 250) + "@example.com",
        ] {
            do {
                _ = try store.subscribe(tool: "deepseek", email: email, client: "c")
                Issue.record("accepted \(email.debugDescription)")
            } catch {
                #expect(error.kind == .invalid)
            }
        }
        do {
            _ = try store.subscribe(tool: "nope", email: "ok@example.com", client: "c")
            Issue.record("accepted an unknown tool")
        } catch {
            #expect(error.kind == .notFound)
        }
        #expect(try f.count("SELECT count(*) FROM claimdesk.subscribers") == 0)
        #expect(try f.count("SELECT count(*) FROM claimdesk.rate_hits") == 0)
    }

    @Test("rate limits per address and per client hold across connections")
    func rateLimits() throws {
        let f = try NotifyFixture()
        try f.execute("UPDATE claimdesk.notify_limits SET per_address_per_hour = 2, per_client_per_hour = 3")
        let a = try f.store(f.notifier)
        let b = try f.store(f.notifier)
        _ = try a.subscribe(tool: "deepseek", email: "same@example.com", client: "c1")
        _ = try b.subscribe(tool: "deepseek", email: "same@example.com", client: "c2")
        do {
            _ = try a.subscribe(tool: "deepseek", email: "same@example.com", client: "c3")
            Issue.record("a third request for one address passed")
        } catch {
            #expect(error.sqlState == Store.rateLimitedState)
        }
        _ = try a.subscribe(tool: "deepseek", email: "x1@example.com", client: "c1")
        _ = try b.subscribe(tool: "deepseek", email: "x2@example.com", client: "c1")
        do {
            _ = try b.subscribe(tool: "deepseek", email: "x3@example.com", client: "c1")
            Issue.record("a fourth request from one client passed")
        } catch {
            #expect(error.sqlState == Store.rateLimitedState)
        }
        #expect(try f.count("SELECT count(*) FROM claimdesk.subscribers WHERE email = 'x3@example.com'") == 0)
    }

    @Test("only the notifier reads addresses; admins see counts; nobody else calls the notifier's functions")
    func privacy() throws {
        let f = try NotifyFixture()
        try f.subscribed("private@example.com")
        for user in [f.admin, f.editor, f.reviewer, f.exporter] {
            #expect(try f.rawSQL("SELECT email FROM claimdesk.subscribers", as: user) == .insufficientPrivilege)
            #expect(try f.rawSQL("SELECT * FROM claimdesk.outbox", as: user) == .insufficientPrivilege)
            #expect(try f.rawSQL("SELECT claimdesk.notify_claim(10, 60)", as: user) == .insufficientPrivilege)
            #expect(
                try f.rawSQL("SELECT claimdesk.notify_subscribe('deepseek', 'x@example.com', 'c')", as: user)
                    == .insufficientPrivilege)
        }
        #expect(try f.rawSQL("SELECT email FROM claimdesk.subscribers", as: f.notifier) == .insufficientPrivilege)
        let status = try f.store(f.admin).notifyStatus()
        #expect(
            status == [
                NotifyToolStatus(tool: ToolSlug("deepseek"), confirmed: 1, pending: 0, queued: 0, sent: 0, failed: 0)
            ])
        #expect(f.failureKind { try f.store(f.editor).notifyStatus() } == .forbidden)
    }
}

extension NotifyFixture {
    func failureKind<T>(_ body: () throws -> T) -> StoreError.Kind? {
        do {
            _ = try body()
            return nil
        } catch let error as StoreError {
            return error.kind
        } catch {
            return .database
        }
    }
}
