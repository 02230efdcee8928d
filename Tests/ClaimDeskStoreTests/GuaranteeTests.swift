import ClaimDeskDomain
import ClaimDeskStore
import ClaimDeskTestSupport
import Foundation
import LibPQ
import Testing

/// The holes of issue 8, each reproduced as the attack that opened it, through real PostgreSQL.
@Suite("Guarantees that held only until attacked")
struct GuaranteeTests {
    @Test("a session setting cannot skip the audit: cite and uncite with claimdesk.copying_citations=on are audited")
    func auditNotSkippable() throws {
        let f = try Fixture()
        try f.drafted(cite: false)
        let connection = try f.db.connect(as: f.editor)
        defer { connection.close() }
        try connection.executeScript(unsafeSQL: "SET claimdesk.copying_citations = 'on'")
        let store = Store(connection: connection)
        let url = "https://example.org/terms"
        _ = try store.cite(
            Fixture.training, Citation(url: url, supports: "Says so.", dated: Fixture.day))
        try connection.executeScript(unsafeSQL: "SELECT set_config('claimdesk.copying_citations', 'on', false)")
        _ = try store.uncite(Fixture.training, url: url)
        let admin = try f.db.connect()
        defer { admin.close() }
        let actions = try admin.query(
            "SELECT action FROM claimdesk.audit_log WHERE details->>'url' = \(url) ORDER BY id"
        ).map { try $0.decode("action", as: String.self) }
        #expect(actions == ["cited", "uncited"])
        let left = try admin.query(
            "SELECT count(*)::int AS n FROM claimdesk.citations WHERE url = \(url)")
        #expect(try left.first?.decode("n", as: Int.self) == 0)
    }

    @Test("no function in the schema reads a session setting")
    func noSessionSettingsRead() throws {
        let f = try Fixture()
        let admin = try f.db.connect()
        defer { admin.close() }
        let readers = try admin.query(
            """
            SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'claimdesk' AND (p.prosrc ILIKE '%current_setting%' OR p.prosrc ILIKE '%set_config%')
            ORDER BY 1
            """
        ).map { try $0.decode("proname", as: String.self) }
        #expect(readers == [])
    }

    @Test("the exporter's cheap leaky function never sees a draft through the live views")
    func exporterViewsDoNotLeak() throws {
        let f = try Fixture()
        try f.published()
        _ = try f.store(f.editor).edit(Fixture.training, ClaimContent(headline: "SECRET DRAFT HEADLINE"))
        _ = try f.store(f.editor).cite(
            Fixture.training,
            Citation(url: "https://example.org/unpublished", supports: "Not yet public.", dated: Fixture.day))
        // The function raises when it sees what the exporter may not: leaking would fail the query. Index scans
        // are off so the scan reads every revision row, as it would in a larger table.
        let leak = """
            SET enable_indexscan = off; SET enable_bitmapscan = off; SET enable_indexonlyscan = off;
            CREATE FUNCTION pg_temp.leak(text) RETURNS boolean LANGUAGE plpgsql COST 0.0000001 AS $$
            BEGIN
                IF $1 IN ('SECRET DRAFT HEADLINE', 'https://example.org/unpublished') THEN
                    RAISE EXCEPTION 'leaked: %', $1;
                END IF;
                RETURN true;
            END $$;
            """
        #expect(
            try f.rawSQL(
                leak + "SELECT count(*) FROM claimdesk.live_claims WHERE pg_temp.leak(headline);", as: f.exporter)
                == nil)
        #expect(
            try f.rawSQL(
                leak + "SELECT count(*) FROM claimdesk.live_citations WHERE pg_temp.leak(url);", as: f.exporter)
                == nil)
        #expect(
            try f.rawSQL(
                leak + "SELECT count(*) FROM claimdesk.published_changes WHERE pg_temp.leak(summary);", as: f.exporter)
                == nil)
        // The attack itself is real: the same function on the table the views read does see the draft.
        #expect(try f.rawSQL(leak + "SELECT count(*) FROM claimdesk.revisions WHERE pg_temp.leak(headline);") != nil)
    }

    @Test("whoever wrote any part of the unpublished change can never approve it, through edit, cite and uncite")
    func editorsChain() throws {
        let f = try Fixture()
        // erin (editor and reviewer) drafts; rita approves; someone else then changes it.
        for change in ["edit", "cite", "uncite"] {
            let f = try Fixture()
            _ = try f.store(f.editorReviewer).draft(Fixture.training, Fixture.content())
            _ = try f.store(f.editorReviewer).cite(Fixture.training, Fixture.citation)
            _ = try f.store(f.editorReviewer).cite(
                Fixture.training, Citation(url: "https://example.org/second", supports: "Also.", dated: Fixture.day))
            _ = try f.store(f.reviewer).approve(Fixture.training, note: nil)
            let other = try f.store(f.editor)
            switch change {
            case "edit": _ = try other.edit(Fixture.training, ClaimContent(headline: "Reworded by ed."))
            case "cite":
                _ = try other.cite(
                    Fixture.training,
                    Citation(url: Fixture.citation.url, supports: "Reworded support.", dated: Fixture.day))
            default: _ = try other.uncite(Fixture.training, url: "https://example.org/second")
            }
            let open = try #require(try f.store(f.editor).claim(Fixture.training).open)
            #expect(open.state == .draft)
            #expect(open.editors.contains(f.editorReviewer), "\(change): erin's words are still in the draft")
            #expect(open.editors.contains(f.editor))
            let own = f.failure { try f.store(f.editorReviewer).approve(Fixture.training, note: nil) }
            #expect(own?.kind == .forbidden, "\(change): erin approved a draft containing her own words")
            #expect(try f.store(f.reviewer2).approve(Fixture.training, note: nil).state == .reviewed)
        }
        // The author of the live text may review someone else's change to it: that text was already reviewed.
        _ = try f.store(f.editorReviewer).draft(Fixture.training, Fixture.content())
        _ = try f.store(f.editorReviewer).cite(Fixture.training, Fixture.citation)
        _ = try f.store(f.reviewer).approve(Fixture.training, note: nil)
        _ = try f.store(f.reviewer).publish([Fixture.training])
        _ = try f.store(f.editor).edit(Fixture.training, ClaimContent(headline: "A change to live text."))
        #expect(try f.store(f.editorReviewer).approve(Fixture.training, note: nil).state == .reviewed)
    }

    @Test("a no-op edit, a no-op --base edit and re-citing an identical source create no revision and void nothing")
    func noOpChangesNothing() throws {
        let f = try Fixture()
        try f.drafted()
        let reviewed = try f.store(f.reviewer).approve(Fixture.training, note: nil)
        let before = try f.db.snapshot()
        let other = try f.store(f.editor2)
        let (same, changed) = try other.edit(
            Fixture.training, ClaimContent(headline: reviewed.headline), base: (reviewed.id, reviewed.version))
        #expect(!changed)
        #expect(same.id == reviewed.id)
        _ = try other.cite(Fixture.training, Fixture.citation)
        #expect(try f.db.snapshot() == before)
        #expect(try f.store(f.editor).claim(Fixture.training).open?.state == .reviewed)
    }

    @Test("an approval is bound to the version the reviewer read: an edit in between is refused as stale")
    func approvalBoundToBase() throws {
        let f = try Fixture()
        let read = try f.drafted()
        _ = try f.store(f.editor).edit(Fixture.training, ClaimContent(headline: "Changed after the reviewer read it."))
        let stale = f.failure {
            try f.store(f.reviewer).approve(Fixture.training, note: nil, base: (read.id, read.version))
        }
        #expect(stale?.kind == .stale)
        #expect(try f.store(f.editor).claim(Fixture.training).open?.state == .draft)
        let now = try #require(try f.store(f.reviewer).claim(Fixture.training).open)
        #expect(
            try f.store(f.reviewer).approve(Fixture.training, note: nil, base: (now.id, now.version)).state == .reviewed
        )
    }

    @Test("a refused publish takes no publish number: the sequence stays gap-free")
    func refusedPublishBurnsNothing() throws {
        let f = try Fixture()
        let first = try f.published()
        // opt_out sorts before training, so it is checked (and, before the fix, numbered) first.
        try f.drafted(Fixture.optOut)
        _ = try f.store(f.reviewer).approve(Fixture.optOut, note: nil)
        _ = try f.store(f.editor).edit(Fixture.training, ClaimContent(headline: "Not reviewed yet."))
        #expect(f.failure { try f.store(f.reviewer).publish([Fixture.optOut, Fixture.training]) }?.kind == .conflict)
        let next = try #require(try f.store(f.reviewer).publish([Fixture.optOut]).first)
        #expect(next.publishSeq == (first.publishSeq ?? 0) + 1)
        let admin = try f.db.connect()
        defer { admin.close() }
        let gaps = try admin.query(
            "SELECT count(*)::int AS n FROM generate_series(1, (SELECT max(seq) FROM claimdesk.publications)) s WHERE s NOT IN (SELECT seq FROM claimdesk.publications)"
        )
        #expect(try gaps.first?.decode("n", as: Int.self) == 0)
    }

    @Test("overlapping publishes queue instead of deadlocking")
    func overlappingPublishesQueue() throws {
        let f = try Fixture()
        let a = Fixture.training
        let b = Fixture.optOut
        try f.published(a)
        try f.published(b)
        for round in 1...40 {
            for ref in [a, b] {
                _ = try f.store(f.editor).edit(ref, ClaimContent(headline: "Round \(round) of \(ref)."))
                _ = try f.store(f.reviewer).approve(ref, note: nil)
            }
            let errors = LockedBox<[StoreError]>([])
            // Connected before the race starts, so both calls reach the server together.
            let stores = LockedBox([try f.store(f.reviewer), try f.store(f.reviewer2)])
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                do {
                    let store = stores.value[i]
                    // b (opt_out) sorts first: publisher 0 takes it, then contends with publisher 1 for a.
                    if i == 0 { _ = try store.publish([a, b]) } else { _ = try store.publish([a]) }
                } catch let error as StoreError {
                    errors.mutate { $0.append(error) }
                } catch {}
            }
            // One publisher wins a; the other is refused cleanly (a no longer reviewed), never a deadlock.
            #expect(errors.value.allSatisfy { !$0.message.contains("deadlock") }, "round \(round): \(errors.value)")
        }
    }

    @Test("rights belong to one database: an editor added in A cannot draft, read drafts or export in B")
    func rightsPerDatabase() throws {
        let a = try Fixture()
        let b = try Fixture()
        try b.drafted()
        try b.published(Fixture.optOut)
        // a.editor holds claimdesk_editor cluster-wide, but only database A's members table records it.
        let intruder = try b.db.store(as: a.editor)
        let refused = a.failure {
            try intruder.draft(Fixture.optOut, Fixture.content(verdict: "opt_out_available"))
        }
        #expect(refused?.kind == .forbidden)
        #expect(refused?.message.contains("another database") == true)
        let connection = try b.db.connect(as: a.editor)
        defer { connection.close() }
        let drafts = try connection.query("SELECT count(*)::int AS n FROM claimdesk.revisions")
        #expect(try drafts.first?.decode("n", as: Int.self) == 0)
        let exporterInA = try b.db.connect(as: a.exporter)
        defer { exporterInA.close() }
        let live = try exporterInA.query("SELECT count(*)::int AS n FROM claimdesk.live_claims")
        #expect(try live.first?.decode("n", as: Int.self) == 0)
        // In their own database the same people work as before.
        #expect(try a.store(a.editor).draft(Fixture.training, Fixture.content()).state == .draft)
    }

    @Test("the exporter cannot learn from the source watch which URLs a draft cites")
    func watchRecordDoesNotLeakDrafts() throws {
        let f = try Fixture()
        try f.published()
        let draftOnly = "https://example.org/cited-only-by-a-draft"
        _ = try f.store(f.editor).cite(
            Fixture.training, Citation(url: draftOnly, supports: "Not public yet.", dated: Fixture.day))
        let watcher = try f.db.makeUser("wat", roles: ["watcher"])
        for url in [draftOnly, Fixture.citation.url] {
            _ = try f.store(watcher).recordSourceCheck(
                .init(
                    url: url, outcome: .newText, httpStatus: 200, sha256: String(repeating: "a", count: 64), text: "x"))
        }
        let exporter = try f.db.connect(as: f.exporter)
        defer { exporter.close() }
        let logged = try exporter.query("SELECT url FROM claimdesk.watch_log ORDER BY seq").map {
            try $0.decode("url", as: String.self)
        }
        #expect(logged == [Fixture.citation.url])
        let state = try exporter.query(
            "SELECT state FROM claimdesk.source_state_of(\(draftOnly), NULL, current_date)")
        #expect(try state.first?.decode("state", as: String.self) == "unchecked")
        let editor = try f.db.connect(as: f.editor)
        defer { editor.close() }
        let seen = try editor.query("SELECT state FROM claimdesk.source_state_of(\(draftOnly), NULL, current_date)")
        #expect(try seen.first?.decode("state", as: String.self) == "ok")
    }

    @Test("migrate does not wait forever on a lock any login can take; it names the session holding it")
    func migrateLockIsBounded() throws {
        let f = try Fixture()
        let squatter = try f.db.connect(as: f.exporter)
        defer { squatter.close() }
        try squatter.executeScript(unsafeSQL: "SELECT pg_advisory_lock(\(0x436C_6169_6D44_6B01 as Int64))")
        var migrator = Migrator()
        migrator.lockWait = .milliseconds(500)
        let owner = try f.db.connect()
        defer { owner.close() }
        do {
            try migrator.migrate(owner)
            Issue.record("migrate ran while another session held its lock")
        } catch {
            #expect(error.kind == .conflict)
            #expect(error.message.contains(f.exporter))
        }
    }
}

/// A value shared between the threads of one test.
final class LockedBox<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func mutate(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}
