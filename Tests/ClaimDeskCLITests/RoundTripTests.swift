import ClaimDeskDomain
import ClaimDeskStore
import Foundation
import LibPQ
import Testing

@Suite("Round trips: every write the CLI makes is one statement")
struct RoundTripTests {
    /// Runs `body` and returns how many statements it sent on `store`'s connection.
    func statements<T>(_ store: Store, _ body: () throws -> T) rethrows -> Int {
        let before = store.connection.statementCount
        _ = try body()
        return store.connection.statementCount - before
    }

    @Test("each Store write behind a CLI command is exactly one statement")
    func writesAreOneStatement() throws {
        let desk = try Desk(seedTool: false)
        let admin = try desk.store(desk.admin)
        let editor = try desk.store(desk.editor)
        let reviewer = try desk.store(desk.reviewer)
        let ref = Desk.ref("acme:training")
        let other = Desk.ref("acme:opt_out")
        let handle = "\(desk.db.rolePrefix)_rt"
        desk.db.adopt(role: handle)
        var counts: [(String, Int)] = []
        func measure(_ name: String, _ store: Store, _ body: () throws -> Void) throws {
            counts.append((name, try statements(store, body)))
        }

        try measure("user add", admin) { _ = try admin.addUser(handle: handle, role: "editor", name: "RT") }
        try measure("tool add", admin) {
            try admin.addTool(
                Tool(slug: ToolSlug("acme"), name: "Acme", category: "Chat", officialURL: "https://acme.example"))
        }
        try measure("tier add", admin) {
            try admin.addTier(PlanTier(tool: ToolSlug("acme"), slug: TierSlug("pro"), name: "Pro"))
        }
        try measure("claim draft", editor) { _ = try editor.draft(ref, Desk.content("training")) }
        try measure("cite", editor) { _ = try editor.cite(ref, Desk.citation(1)) }
        try measure("cite (second)", editor) { _ = try editor.cite(ref, Desk.citation(2)) }
        try measure("uncite", editor) { _ = try editor.uncite(ref, url: Desk.citation(2).url) }
        try measure("review reject", reviewer) { _ = try reviewer.reject(ref, note: "Needs a date.") }
        let open = try editor.claim(ref).open
        try measure("claim edit --base", editor) {
            _ = try editor.edit(ref, ClaimContent(headline: "Yes."), base: open.map { ($0.id, $0.version) })
        }
        try measure("review approve", reviewer) { _ = try reviewer.approve(ref, note: nil) }
        try measure("publish REF", reviewer) { _ = try reviewer.publish([ref]) }
        try measure("claim edit (new draft)", editor) { _ = try editor.edit(ref, ClaimContent(headline: "Maybe.")) }
        try measure("claim discard", editor) { _ = try editor.discard(ref, note: "No.") }
        _ = try editor.draft(other, Desk.content("opt_out"))
        _ = try editor.cite(other, Desk.citation(3))
        _ = try reviewer.approve(other, note: nil)
        try measure("publish --all-reviewed", reviewer) { _ = try reviewer.publishAllReviewed() }
        try measure("retract", reviewer) { _ = try reviewer.retract(ref, note: "Withdrawn.") }

        #expect(counts.count == 15)
        for (name, count) in counts {
            #expect(count == 1, "\(name) took \(count) statements")
        }
    }
}
