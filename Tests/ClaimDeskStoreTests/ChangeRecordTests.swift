import ClaimDeskDomain
import ClaimDeskStore
import ClaimDeskTestSupport
import Foundation
import LibPQ
import Testing

/// Change records (sql/0008): written in the publish transaction, one per tool per transaction, material or not,
/// append-only, and fanned out to confirmed subscribers in the same transaction.
@Suite("Change records")
struct ChangeRecordTests {
    /// Edits `ref` as the editor, approves and publishes it as the reviewer.
    static func republish(_ f: Fixture, _ refs: [ClaimRef], _ content: ClaimContent) throws {
        for ref in refs {
            _ = try f.store(f.editor).edit(ref, content)
            _ = try f.store(f.reviewer).approve(ref, note: nil)
        }
        _ = try f.store(f.reviewer).publish(refs)
    }

    static func changes(_ f: Fixture) throws -> [ToolChange] {
        try f.store(f.exporter).publishedCatalog().tools.first { $0.tool.slug.rawValue == "deepseek" }?.changes ?? []
    }

    static func count(_ f: Fixture, _ sql: String) throws -> Int {
        let connection = try f.db.connect()
        defer { connection.close() }
        return Int(try connection.query(Query(unsafeSQL: sql)).first?.decode(0, as: Int64.self) ?? -1)
    }

    @Test("a first publish is a new claim; a verdict change names old and new labels; newest first")
    func newThenVerdict() throws {
        let f = try Fixture()
        try f.published()
        try Self.republish(
            f, [Fixture.training], ClaimContent(verdict: VerdictKey("opt_in_only"), headline: "Only if you opt in."))
        let changes = try Self.changes(f)
        #expect(changes.count == 2)
        let newest = try #require(changes.first)
        #expect(newest.isMaterial)
        #expect(newest.items.map(\.kind) == [.verdict])
        #expect(newest.items.first?.oldLabel == "Trains by default")
        #expect(newest.items.first?.newLabel != nil && newest.items.first?.newLabel != "Trains by default")
        #expect(newest.items.first?.newHeadline == "Only if you opt in.")
        #expect(changes.last?.items.map(\.kind) == [.new])
    }

    @Test("a re-verification is recorded but not material, and queues no mail")
    func reverification() throws {
        let f = try Fixture()
        try f.published()
        try Self.subscribeConfirmed(f, "reader@example.com")
        try Self.republish(f, [Fixture.training], ClaimContent(confidence: .high))
        let newest = try #require(try Self.changes(f).first)
        #expect(newest.items.map(\.kind) == [.reverified])
        #expect(!newest.isMaterial)
        #expect(try Self.count(f, "SELECT count(*) FROM claimdesk.outbox") == 0)
    }

    @Test("one publish touching two claims of a tool is one change and one message per subscriber")
    func oneChangePerTransaction() throws {
        let f = try Fixture()
        try f.published(Fixture.training)
        try f.published(Fixture.optOut)
        try Self.subscribeConfirmed(f, "reader@example.com")
        try Self.subscribeConfirmed(f, "other@example.org")
        try Self.republish(f, [Fixture.training, Fixture.optOut], ClaimContent(headline: "Reworded answer."))
        let newest = try #require(try Self.changes(f).first)
        #expect(newest.items.count == 2)
        #expect(Set(newest.items.map(\.kind)) == [.headline])
        #expect(try Self.count(f, "SELECT count(*) FROM claimdesk.changes") == 3)
        #expect(try Self.count(f, "SELECT count(*) FROM claimdesk.outbox") == 2)
        #expect(try Self.count(f, "SELECT count(DISTINCT subscriber_id) FROM claimdesk.outbox") == 2)
    }

    @Test("a retraction is a material correction carrying its note")
    func retraction() throws {
        let f = try Fixture()
        try f.published(Fixture.training)
        try f.published(Fixture.optOut)
        _ = try f.store(f.reviewer).retract(Fixture.optOut, note: "The vendor's page said the opposite.")
        let newest = try #require(try Self.changes(f).first)
        #expect(newest.items.map(\.kind) == [.retracted])
        #expect(newest.items.first?.note == "The vendor's page said the opposite.")
        #expect(newest.isMaterial)
    }

    @Test("change records are append-only, even for the schema owner, and no editorial role writes them")
    func appendOnly() throws {
        let f = try Fixture()
        try f.published()
        #expect(try f.rawSQL("UPDATE claimdesk.changes SET day = day - 1") != nil)
        #expect(try f.rawSQL("DELETE FROM claimdesk.change_items") != nil)
        #expect(try f.rawSQL("TRUNCATE claimdesk.changes CASCADE") != nil)
        for user in [f.editor, f.reviewer, f.admin, f.exporter] {
            #expect(
                try f.rawSQL(
                    "INSERT INTO claimdesk.changes (batch, tool_slug, seq, day, at) VALUES ('x', 'deepseek', 99, now(), now())",
                    as: user) == .insufficientPrivilege)
        }
        #expect(try Self.count(f, "SELECT count(*) FROM claimdesk.change_items") == 1)
    }

    /// Subscribes and confirms `email` to deepseek as a notifier.
    static func subscribeConfirmed(_ f: Fixture, _ email: String) throws {
        let notifier = try f.db.makeUser("n\(abs(email.hashValue) % 100_000)", roles: ["notifier"])
        let store = try f.store(notifier)
        let subscription = try store.subscribe(tool: "deepseek", email: email, client: "test")
        _ = try store.confirmSubscription(token: try #require(subscription.confirmToken))
    }
}
