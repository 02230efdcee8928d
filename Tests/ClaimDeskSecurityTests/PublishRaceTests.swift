import ClaimDeskDomain
import ClaimDeskStore
import ClaimDeskTestSupport
import Foundation
import LibPQ
import Testing

/// Publishing from several connections at once: publishers must queue (locks taken in one global order), and the
/// publish sequence must stay gap-free, because incremental exports and change feeds count on it.
@Suite("Publish races and the gap-free publish sequence")
struct PublishRaceTests {
    static let a = ClaimRef("deepseek:baa") ?? ClaimRef(tool: ToolSlug("deepseek"), topic: TopicKey("baa"))
    static let b = ClaimRef("deepseek:training") ?? ClaimRef(tool: ToolSlug("deepseek"), topic: TopicKey("training"))

    @Test("publish A B and publish B from two connections at once, 20 rounds: never a deadlock")
    func overlappingPublishesQueue() throws {
        try PublishDesk.with { desk in
            var deadlocks: [String] = []
            var otherFailures: [String] = []
            for round in 1...20 {
                try desk.makeReviewed(Self.a, round: round)
                try desk.makeReviewed(Self.b, round: round)
                let outcomes = desk.simultaneously([
                    (desk.rita, [Self.a, Self.b]),
                    (desk.rosa, [Self.b]),
                ])
                for outcome in outcomes {
                    guard let error = outcome else { continue }
                    if error.sqlState == "40P01" {
                        deadlocks.append("round \(round): \(error.message)")
                    } else if error.kind != .notFound && error.kind != .conflict {
                        // Losing the race is fine ("no reviewed revision to publish"); anything else is not.
                        otherFailures.append("round \(round): \(error)")
                    }
                }
                #expect(outcomes.contains { $0 == nil }, "round \(round): at least one publish succeeds")
            }
            print("Publish race: \(deadlocks.count) deadlocks in 20 rounds")
            #expect(deadlocks.isEmpty, "deadlocks:\n\(deadlocks.joined(separator: "\n"))")
            #expect(otherFailures.isEmpty, "\(otherFailures.joined(separator: "\n"))")
            #expect(try desk.sequenceIsGapFree())
        }
    }

    @Test("publish A B where B is a draft is refused and burns no publish sequence number")
    func refusedPublishBurnsNoNumber() throws {
        try PublishDesk.with { desk in
            try desk.makeReviewed(Self.a, round: 1)
            _ = try desk.store(desk.rita).publish([Self.a])
            try desk.makeReviewed(Self.a, round: 2)
            try desk.makeDraft(Self.b)
            let before = try desk.lastSequence()
            #expect(throws: StoreError.self) { try desk.store(desk.rita).publish([Self.a, Self.b]) }
            // Both orders: the draft sorted after the reviewed claim, and before it.
            try desk.makeReviewed(ClaimRef("deepseek:phi") ?? Self.a, round: 1)
            #expect(throws: StoreError.self) {
                try desk.store(desk.rita).publish([ClaimRef("deepseek:phi") ?? Self.a, Self.b])
            }
            let published = try desk.store(desk.rita).publish([Self.a])
            #expect(published.first?.publishSeq == before + 1, "the next publish takes the next number")
            #expect(try desk.sequenceIsGapFree())
        }
    }
}

/// A database with an editor and two reviewers, for publish races.
final class PublishDesk: @unchecked Sendable {
    let db: TestDatabase
    let ed: String
    let rita: String
    let rosa: String

    static func with(_ body: (PublishDesk) throws -> Void) throws {
        try TestDatabase.with { db in try body(try PublishDesk(db)) }
    }

    init(_ db: TestDatabase) throws {
        self.db = db
        ed = try db.makeUser("ed", roles: ["editor"])
        rita = try db.makeUser("rita", roles: ["reviewer"])
        rosa = try db.makeUser("rosa", roles: ["reviewer"])
        let admin = try db.makeUser("ann", roles: ["admin"])
        try store(admin).addTool(
            Tool(
                slug: ToolSlug("deepseek"), name: "DeepSeek", category: "AI chat assistant",
                officialURL: "https://www.deepseek.com"))
    }

    func store(_ login: String) throws -> Store { try db.store(as: login) }

    private static let verdicts = ["baa": "signs_baa", "training": "trains_by_default", "phi": "no_phi"]

    private func content(_ ref: ClaimRef, _ headline: String) -> ClaimContent {
        ClaimContent(
            verdict: PublishDesk.verdicts[ref.topic.rawValue].map { VerdictKey($0) }, headline: headline,
            body: "", confidence: .high, verifiedOn: Day.today().adding(days: -3))
    }

    /// A cited draft of `ref` (a new claim, or an edit of whatever is open or live).
    func makeDraft(_ ref: ClaimRef, round: Int = 0) throws {
        let editor = try store(ed)
        let headline = "\(ref) as of round \(round)"
        if (try? editor.claim(ref)) != nil {
            _ = try editor.edit(ref, content(ref, headline))
        } else {
            _ = try editor.draft(ref, content(ref, headline))
            _ = try editor.cite(
                ref,
                Citation(
                    url: "https://www.deepseek.com/\(ref.topic)", supports: "It says so.",
                    dated: Day.today().adding(days: -3)))
        }
    }

    /// `ref` reviewed and ready to publish, with content new in this round.
    func makeReviewed(_ ref: ClaimRef, round: Int) throws {
        try makeDraft(ref, round: round)
        _ = try store(rita).approve(ref, note: nil)
    }

    /// Publishes each list from its own connection, all released at the same instant; nil where it succeeded.
    func simultaneously(_ jobs: [(login: String, refs: [ClaimRef])]) -> [StoreError?] {
        let results = Results(count: jobs.count)
        let ready = DispatchSemaphore(value: 0)
        let go = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        for (index, job) in jobs.enumerated() {
            done.enter()
            let db = self.db
            Thread.detachNewThread {
                defer { done.leave() }
                let store: Store
                do {
                    store = try db.store(as: job.login)
                } catch {
                    results.set(index, StoreError(.connection, "\(error)"))
                    ready.signal()
                    return
                }
                ready.signal()
                go.wait()
                do {
                    _ = try store.publish(job.refs)
                } catch let error as StoreError {
                    results.set(index, error)
                } catch {
                    results.set(index, StoreError(.database, "\(error)"))
                }
            }
        }
        for _ in jobs { ready.wait() }
        for _ in jobs { go.signal() }
        done.wait()
        return results.values
    }

    func lastSequence() throws -> Int64 {
        let admin = try db.connect()
        defer { admin.close() }
        return Int64(
            try admin.query("SELECT coalesce(max(seq), 0)::text AS s FROM claimdesk.publications").first?["s"] ?? "0")
            ?? 0
    }

    /// Publication numbers are 1, 2, 3, … with none missing.
    func sequenceIsGapFree() throws -> Bool {
        let admin = try db.connect()
        defer { admin.close() }
        let row = try admin.query(
            "SELECT count(*)::text AS n, coalesce(max(seq), 0)::text AS top FROM claimdesk.publications"
        ).first
        return row?["n"] == row?["top"]
    }

    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [StoreError?]
        init(count: Int) { stored = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ error: StoreError) { lock.withLock { stored[index] = error } }
        var values: [StoreError?] { lock.withLock { stored } }
    }
}
