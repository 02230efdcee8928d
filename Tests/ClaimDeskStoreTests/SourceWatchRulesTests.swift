import ClaimDeskDomain
import ClaimDeskStore
import Foundation
import LibPQ
import Testing

/// Quotes on citations, and the source watch's rights: only the watcher records checks, nobody forges a state, and
/// the watch record is append-only — whatever the client.
@Suite("Citation quotes and source watch rules")
struct SourceWatchRulesTests {
    static let url = Fixture.citation.url

    @Test("a quote is stored, copied into new drafts, and citing again changes only the fields given")
    func quotes() throws {
        let f = try Fixture()
        try f.drafted()
        let editor = try f.store(f.editor)
        var revision = try editor.cite(
            Fixture.training,
            update: CitationUpdate(url: Self.url, title: "Privacy Policy", quote: "We may use your Inputs to train."))
        #expect(revision.citations.first?.quote == "We may use your Inputs to train.")
        #expect(revision.citations.first?.title == "Privacy Policy")
        // Only the quote given: the title and what it supports stay.
        revision = try editor.cite(Fixture.training, update: CitationUpdate(url: Self.url, quote: "New words."))
        #expect(revision.citations.first?.title == "Privacy Policy")
        #expect(revision.citations.first?.supports == Fixture.citation.supports)
        #expect(revision.citations.first?.quote == "New words.")
        // A new URL needs what it supports and its date.
        let missing = f.failure {
            try editor.cite(Fixture.training, update: CitationUpdate(url: "https://example.org/other"))
        }
        #expect(missing?.kind == .invalid)
        // Approve and publish, then edit: the new draft carries the quote.
        _ = try f.store(f.reviewer).approve(Fixture.training, note: nil)
        _ = try f.store(f.reviewer).publish([Fixture.training])
        let draft = try editor.edit(Fixture.training, ClaimContent(headline: "Yes.")).revision
        #expect(draft.citations.first?.quote == "New words.")
        // Citing exactly what is there changes nothing.
        let same = try editor.cite(Fixture.training, update: CitationUpdate(url: Self.url, quote: "New words."))
        #expect(same.version == draft.version)
        // The import form (replace) clears what it does not give.
        let replaced = try editor.cite(Fixture.training, Fixture.citation)
        #expect(replaced.citations.first?.quote == nil)
        #expect(replaced.citations.first?.title == nil)
    }

    @Test("only the watcher records checks; the record is append-only; no role writes the watch tables directly")
    func watcherRights() throws {
        let f = try Fixture()
        let watcher = try f.db.makeUser("wat", roles: ["watcher"])
        try f.published()
        let check = Store.SourceCheck(
            url: Self.url, outcome: .newText, httpStatus: 200, sha256: String(repeating: "a", count: 64),
            text: "We may use your Inputs to train.")
        for user in [f.editor, f.reviewer, f.admin, f.exporter] {
            #expect(f.failure { try f.store(user).recordSourceCheck(check) }?.kind == .forbidden, "\(user)")
            #expect(f.failure { try f.store(user).sourceTargets() }?.kind == .forbidden, "\(user)")
        }
        let recorded = try f.store(watcher).recordSourceCheck(check)
        #expect(recorded.outcome == .newText)
        #expect(recorded.states == ["ok": 1])
        // The watcher reads targets but writes nothing editorial.
        #expect(try f.store(watcher).sourceTargets().map(\.url) == [Self.url])
        #expect(f.failure { try f.store(watcher).cite(Fixture.training, Fixture.citation) }?.kind == .forbidden)
        #expect(
            f.failure { try f.store(watcher).edit(Fixture.training, ClaimContent(headline: "x")) }?.kind == .forbidden)
        // Direct writes: refused for every role, the watcher included; the superuser cannot rewrite history either.
        for user in [watcher, f.editor, f.admin, f.exporter] {
            for sql in [
                "INSERT INTO claimdesk.source_checks (seq, url, outcome) VALUES (999, 'https://x.example', 'new_text')",
                "UPDATE claimdesk.source_snapshots SET text = 'forged'",
                "UPDATE claimdesk.watch_counter SET last_seq = 0",
            ] {
                #expect(try f.rawSQL(sql, as: user) == .insufficientPrivilege, "\(user): \(sql)")
            }
        }
        #expect(try f.rawSQL("UPDATE claimdesk.source_snapshots SET text = 'forged'") == .insufficientPrivilege)
        #expect(try f.rawSQL("DELETE FROM claimdesk.source_checks") == .insufficientPrivilege)
        // A cited URL only: the watcher cannot fill the record with arbitrary addresses.
        var other = check
        other.url = "https://not-cited.example/"
        #expect(f.failure { try f.store(watcher).recordSourceCheck(other) }?.kind == .notFound)
    }

    @Test("states: ok, changed against the verified-on day, quote_missing, unreachable after two failures only")
    func states() throws {
        let f = try Fixture()
        let watcher = try f.db.makeUser("wat", roles: ["watcher"])
        try f.drafted()
        _ = try f.store(f.editor).cite(
            Fixture.training, update: CitationUpdate(url: Self.url, quote: "we may use  your INPUTS to train"))
        let store = try f.store(watcher)
        // Each text stands for itself with its own made-up hash (the watcher computes real ones).
        func record(_ outcome: Store.SourceCheck.Outcome, _ text: String? = nil, hash: Character = "a") throws
            -> [String: Int]
        {
            try store.recordSourceCheck(
                Store.SourceCheck(
                    url: Self.url, outcome: outcome, httpStatus: outcome == .httpError ? 500 : 200,
                    sha256: text.map { _ in String(repeating: hash, count: 64) }, text: text)
            ).states
        }
        let original = "Terms. We may use your Inputs to train."
        #expect(try f.store(f.editor).sourceStatus().first?.state == .unchecked)
        #expect(try record(.newText, original) == ["ok": 1])
        #expect(try record(.newText, original) == ["ok": 1])  // same hash: no new snapshot
        #expect(try record(.httpError) == ["ok": 1])  // one blip is not an alarm
        #expect(try record(.httpError) == ["unreachable": 1])
        #expect(try record(.notModified) == ["ok": 1])
        #expect(try record(.newText, original + " More.", hash: "b") == ["changed": 1])
        #expect(try record(.newText, "Terms only.", hash: "c") == ["quote_missing": 1])
        let open = try #require(try f.store(f.editor).claim(Fixture.training).open)
        let flags = try f.store(f.editor).sourceFlags(revisions: [open.id])
        #expect(flags.values.first?.first?.state == .quoteMissing)
        let status = try f.store(f.editor).sourceStatus()
        #expect(status.first?.state == .quoteMissing)
        #expect(status.first?.snapshots == 3)
        #expect(status.first?.claims.first?.ref == Fixture.training)
    }
}
