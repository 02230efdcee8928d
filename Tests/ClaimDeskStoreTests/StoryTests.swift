import ClaimDeskDomain
import ClaimDeskStore
import ClaimDeskTestSupport
import Foundation
import LibPQ
import Testing

@Suite("The editorial story")
struct StoryTests {
    @Test("draft, cite, approve, publish, edit: the live revision stays live while the next one is drafted")
    func story() throws {
        let f = try Fixture()
        let editor = try f.store(f.editor)
        let reviewer = try f.store(f.reviewer)
        let drafted = try editor.draft(Fixture.training, Fixture.content())
        #expect(drafted.number == 1 && drafted.state == .draft && drafted.author == f.editor)
        _ = try editor.cite(Fixture.training, Fixture.citation)
        #expect(try reviewer.reviewQueue().map(\.ref) == [Fixture.training])
        _ = try reviewer.approve(Fixture.training, note: "Matches the policy.")
        let live = try #require(try reviewer.publish([Fixture.training]).first)
        #expect(live.state == .published && live.publishSeq == 1 && live.reviewer == f.reviewer)
        let edit = try editor.edit(Fixture.training, ClaimContent(headline: "Yes, unless you opt out."))
        #expect(edit.revision.number == 2)
        let status = try editor.claim(Fixture.training)
        #expect(status.live?.id == live.id)
        #expect(status.live?.headline == "Yes, by default.")
        #expect(status.open?.headline == "Yes, unless you opt out.")
        let diff = try editor.diff(Fixture.training)
        #expect(diff.changes.map(\.field) == ["headline"])
        #expect(diff.liveNumber == 1 && diff.openNumber == 2)
        let unchanged = try editor.edit(Fixture.training, ClaimContent(headline: "Yes, unless you opt out."))
        #expect(!unchanged.changed)
        #expect(unchanged.revision.version == edit.revision.version)
    }

    @Test("each write is one round trip")
    func roundTrips() throws {
        let f = try Fixture()
        let editor = try f.store(f.editor)
        let reviewer = try f.store(f.reviewer)
        func trips(_ store: Store, _ body: () throws -> Void) throws -> Int {
            let before = store.connection.statementCount
            try body()
            return store.connection.statementCount - before
        }
        #expect(try trips(editor) { _ = try editor.draft(Fixture.training, Fixture.content()) } == 1)
        #expect(try trips(editor) { _ = try editor.cite(Fixture.training, Fixture.citation) } == 1)
        #expect(try trips(editor) { _ = try editor.edit(Fixture.training, ClaimContent(body: "More.")) } == 1)
        #expect(try trips(reviewer) { _ = try reviewer.approve(Fixture.training, note: nil) } == 1)
        #expect(try trips(reviewer) { _ = try reviewer.publish([Fixture.training]) } == 1)
        #expect(try trips(reviewer) { _ = try reviewer.retract(Fixture.training, note: "x") } == 1)
        #expect(try trips(editor) { _ = try editor.claim(Fixture.training) } == 1)
    }

    @Test("stale lists live claims verified before the policy window")
    func stale() throws {
        let f = try Fixture()
        try f.published()
        let age = Day.today().ordinal - Fixture.day.ordinal
        #expect(try f.store(f.editor).stale(olderThan: age - 1).map(\.ref) == [Fixture.training])
        #expect(try f.store(f.editor).stale(olderThan: age + 1).isEmpty)
    }
}
