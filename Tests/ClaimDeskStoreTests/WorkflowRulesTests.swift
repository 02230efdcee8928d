import ClaimDeskDomain
import ClaimDeskStore
import ClaimDeskTestSupport
import Foundation
import LibPQ
import Testing

/// Each rule that protects the published record, attacked through the workflow functions and through raw SQL
/// as the wrong role (and, where a trigger holds it, as the schema owner).
@Suite("Rules the database holds")
struct WorkflowRulesTests {
    @Test("only editors and admins draft, edit and cite")
    func onlyEditorsWrite() throws {
        let f = try Fixture()
        #expect(f.failure { try f.store(f.reviewer).draft(Fixture.training, Fixture.content()) }?.kind == .forbidden)
        #expect(f.failure { try f.store(f.exporter).draft(Fixture.training, Fixture.content()) }?.kind == .forbidden)
        try f.drafted()
        #expect(f.failure { try f.store(f.reviewer).cite(Fixture.training, Fixture.citation) }?.kind == .forbidden)
        #expect(
            f.failure { try f.store(f.reviewer).edit(Fixture.training, ClaimContent(headline: "x")) }?.kind
                == .forbidden)
        #expect(try f.store(f.admin).edit(Fixture.training, ClaimContent(headline: "Admins may edit.")).changed)
        // Raw SQL: no editorial role may write the tables directly.
        for user in [f.editor, f.reviewer, f.admin] {
            #expect(try f.rawSQL("UPDATE claimdesk.revisions SET headline = 'x'", as: user) == .insufficientPrivilege)
            #expect(
                try f.rawSQL(
                    "INSERT INTO claimdesk.citations (revision_id, position, url, supports, dated) SELECT id, 9, 'https://x.test', 's', '2026-01-01' FROM claimdesk.revisions",
                    as: user) == .insufficientPrivilege)
        }
    }

    @Test("only reviewers approve, send back, publish and retract")
    func onlyReviewersDecide() throws {
        let f = try Fixture()
        try f.drafted()
        for user in [f.editor2, f.admin, f.exporter] {
            #expect(f.failure { try f.store(user).approve(Fixture.training, note: nil) }?.kind == .forbidden)
            #expect(f.failure { try f.store(user).reject(Fixture.training, note: "no") }?.kind == .forbidden)
        }
        _ = try f.store(f.reviewer).approve(Fixture.training, note: nil)
        #expect(f.failure { try f.store(f.editor).publish([Fixture.training]) }?.kind == .forbidden)
        #expect(f.failure { try f.store(f.admin).publishAllReviewed() }?.kind == .forbidden)
        _ = try f.store(f.reviewer2).publish([Fixture.training])
        #expect(f.failure { try f.store(f.editor).retract(Fixture.training, note: "wrong") }?.kind == .forbidden)
        #expect(
            try f.rawSQL("UPDATE claimdesk.revisions SET state = 'retracted'", as: f.reviewer) == .insufficientPrivilege
        )
        #expect(try f.store(f.reviewer).retract(Fixture.training, note: "Source withdrawn.").state == .retracted)
    }

    @Test("nobody approves a revision they authored or edited")
    func noSelfApproval() throws {
        let f = try Fixture()
        _ = try f.store(f.editorReviewer).draft(Fixture.training, Fixture.content())
        _ = try f.store(f.editorReviewer).cite(Fixture.training, Fixture.citation)
        let own = f.failure { try f.store(f.editorReviewer).approve(Fixture.training, note: nil) }
        #expect(own?.kind == .forbidden)
        #expect(own?.message.contains(f.editorReviewer) == true)
        // Someone else's draft that erin merely edited is still hers to keep hands off.
        _ = try f.store(f.editorReviewer).discard(Fixture.training)
        try f.drafted()
        _ = try f.store(f.editorReviewer).edit(Fixture.training, ClaimContent(body: "A clarification."))
        #expect(f.failure { try f.store(f.editorReviewer).approve(Fixture.training, note: nil) }?.kind == .forbidden)
        // The table itself refuses a reviewer who is one of the editors, whoever writes it.
        #expect(
            try f.rawSQL("UPDATE claimdesk.revisions SET state = 'reviewed', reviewer = author WHERE state = 'draft'")
                == .checkViolation)
        #expect(try f.store(f.reviewer).approve(Fixture.training, note: "Checked.").reviewer == f.reviewer)
    }

    @Test("reviewed content and citations are frozen; editing makes a new draft and voids the approval")
    func reviewedIsFrozen() throws {
        let f = try Fixture()
        let draft = try f.drafted()
        let approved = try f.store(f.reviewer).approve(Fixture.training, note: nil)
        #expect(approved.state == .reviewed)
        // Even the schema owner cannot change reviewed content or its citations in place.
        #expect(
            try f.rawSQL("UPDATE claimdesk.revisions SET headline = 'changed' WHERE id = \(draft.id)")
                == .init(rawValue: "55000"))
        #expect(
            try f.rawSQL("DELETE FROM claimdesk.citations WHERE revision_id = \(draft.id)") == .init(rawValue: "55000"))
        #expect(
            try f.rawSQL(
                "INSERT INTO claimdesk.citations (revision_id, position, url, supports, dated) VALUES (\(draft.id), 5, 'https://example.org/x', 'x', '2026-01-01')"
            ) == .init(rawValue: "55000"))
        let edited = try f.store(f.editor2).edit(Fixture.training, ClaimContent(headline: "Changed after review."))
        #expect(edited.changed)
        #expect(edited.revision.state == .draft)
        #expect(edited.revision.id != draft.id)
        #expect(edited.revision.reviewer == nil)
        #expect(edited.revision.citations == draft.citations)
        let history = try f.store(f.editor).history(Fixture.training)
        #expect(history.revisions.first?.state == .discarded)
        #expect(history.revisions.first?.headline == draft.headline)
        #expect(f.failure { try f.store(f.reviewer).publish([Fixture.training]) } != nil)
        // Citing a reviewed revision also starts a new draft.
        _ = try f.store(f.reviewer).approve(Fixture.training, note: nil)
        let cited = try f.store(f.editor).cite(
            Fixture.training, Citation(url: "https://example.org/more", supports: "More.", dated: Fixture.day))
        #expect(cited.state == .draft)
        #expect(cited.citations.count == 2)
    }

    @Test("one open revision per claim, and at most one live one")
    func oneOpenOneLive() throws {
        let f = try Fixture()
        let first = try f.published()
        #expect(f.failure { try f.store(f.editor).draft(Fixture.training, Fixture.content()) } == nil)
        #expect(f.failure { try f.store(f.editor2).draft(Fixture.training, Fixture.content()) }?.kind == .conflict)
        // Raw inserts by the owner hit the partial unique indexes.
        #expect(
            try f.rawSQL(
                """
                INSERT INTO claimdesk.revisions (claim_id, topic_key, number, verdict, headline, confidence, verified_on, author, editors)
                SELECT claim_id, topic_key, 99, verdict, headline, confidence, verified_on, author, editors
                FROM claimdesk.revisions WHERE id = \(first.id)
                """) == .uniqueViolation)
        _ = try f.store(f.editor).cite(Fixture.training, Fixture.citation)
        _ = try f.store(f.reviewer).approve(Fixture.training, note: nil)
        #expect(
            try f.rawSQL(
                "UPDATE claimdesk.revisions SET state = 'published' WHERE state = 'reviewed'") == .uniqueViolation)
        let second = try #require(try f.store(f.reviewer).publish([Fixture.training]).first)
        let history = try f.store(f.editor).history(Fixture.training)
        #expect(history.revisions.map(\.state) == [.superseded, .published])
        #expect((second.publishSeq ?? 0) > (first.publishSeq ?? 0))
    }

    @Test("only reviewed revisions publish, and only with a citation")
    func onlyReviewedAndCitedPublish() throws {
        let f = try Fixture()
        try f.drafted(cite: false)
        let unreviewed = f.failure { try f.store(f.reviewer).publish([Fixture.training]) }
        #expect(unreviewed?.kind == .conflict)
        #expect(unreviewed?.message.contains("deepseek:training") == true)
        // The owner cannot skip review either.
        #expect(try f.rawSQL("UPDATE claimdesk.revisions SET state = 'published'") == .init(rawValue: "55000"))
        // A reviewer will not approve an uncited revision...
        #expect(f.failure { try f.store(f.reviewer).approve(Fixture.training, note: nil) }?.kind == .invalid)
        // ...and if the owner forces it to reviewed, the publish trigger still refuses.
        #expect(
            try f.rawSQL(
                "UPDATE claimdesk.revisions SET state = 'reviewed', reviewer = '\(f.reviewer)' WHERE state = 'draft'")
                == nil)
        let uncited = f.failure { try f.store(f.reviewer).publish([Fixture.training]) }
        #expect(uncited?.kind == .invalid)
        #expect(uncited?.message.contains("no citation") == true)
    }

    @Test("dates are real and not in the future; URLs are http(s); verdicts belong to their topic")
    func valuesAreChecked() throws {
        let f = try Fixture()
        let future = Day.today().adding(days: 3)
        var content = Fixture.content()
        content.verifiedOn = future
        #expect(f.failure { try f.store(f.editor).draft(Fixture.training, content) }?.kind == .invalid)
        #expect(
            f.failure { try f.store(f.editor).draft(Fixture.training, Fixture.content(verdict: "no_baa")) }?.kind
                == .invalid)
        #expect(
            f.failure { try f.store(f.editor).draft(Fixture.training, Fixture.content(verdict: nil)) }?.kind == .invalid
        )
        try f.drafted(cite: false)
        for url in [
            "javascript:alert(1)", "ftp://example.org/x", "https://", "http://exa mple.org", "data:text/html,x",
        ] {
            let error = f.failure {
                try f.store(f.editor).cite(Fixture.training, Citation(url: url, supports: "x", dated: Fixture.day))
            }
            #expect(error?.kind == .invalid, "\(url) was accepted")
        }
        #expect(
            f.failure {
                try f.store(f.editor).cite(
                    Fixture.training, Citation(url: "https://example.org", supports: "x", dated: future))
            }?.kind == .invalid)
        // Raw SQL as the owner meets the same constraints.
        #expect(
            try f.rawSQL(
                "INSERT INTO claimdesk.citations (revision_id, position, url, supports, dated) SELECT id, 9, 'javascript:alert(1)', 's', '2026-01-01' FROM claimdesk.revisions"
            ) == .checkViolation)
        #expect(
            try f.rawSQL("UPDATE claimdesk.revisions SET verdict = 'no_baa'") == .foreignKeyViolation)
        #expect(
            try f.rawSQL("UPDATE claimdesk.revisions SET verified_on = current_date + 5") == .checkViolation)
        #expect(try f.rawSQL("SELECT '2026-02-30'::date") == .datetimeFieldOverflow)
    }

    @Test("an edit based on a stale revision is refused and says what changed")
    func optimisticConcurrency() throws {
        let f = try Fixture()
        let draft = try f.drafted()
        let base = (id: draft.id, version: draft.version)
        _ = try f.store(f.editor2).edit(Fixture.training, ClaimContent(headline: "Eve got there first."))
        let before = try f.db.snapshot()
        let stale = f.failure {
            try f.store(f.editor).edit(Fixture.training, ClaimContent(headline: "Mine."), base: base)
        }
        #expect(stale?.kind == .stale)
        #expect(stale?.message.contains("deepseek:training changed while you were editing") == true)
        #expect(stale?.message.contains(f.editor2) == true)
        #expect(try f.db.snapshot() == before)
        let current = try #require(try f.store(f.editor).claim(Fixture.training).open)
        #expect(
            try f.store(f.editor).edit(
                Fixture.training, ClaimContent(headline: "Mine."), base: (current.id, current.version)
            ).revision.headline == "Mine.")
    }

    @Test("publishing several claims is all or nothing")
    func publishIsAtomic() throws {
        let f = try Fixture()
        try f.drafted(Fixture.training)
        _ = try f.store(f.reviewer).approve(Fixture.training, note: nil)
        try f.drafted(Fixture.optOut)
        let before = try f.db.snapshot()
        let error = f.failure { try f.store(f.reviewer).publish([Fixture.training, Fixture.optOut]) }
        #expect(error?.message.contains("deepseek:opt_out") == true)
        #expect(try f.db.snapshot() == before)
        #expect(try f.store(f.reviewer).claim(Fixture.training).live == nil)
        _ = try f.store(f.reviewer).approve(Fixture.optOut, note: nil)
        let published = try f.store(f.reviewer).publishAllReviewed()
        #expect(published.map(\.ref) == [Fixture.optOut, Fixture.training])
    }

    @Test("every transition is audited and nobody can change the audit log")
    func auditIsAppendOnly() throws {
        let f = try Fixture()
        try f.published()
        _ = try f.store(f.editor).edit(Fixture.training, ClaimContent(headline: "Second thoughts."))
        _ = try f.store(f.reviewer).reject(Fixture.training, note: "Cite the new terms.")
        _ = try f.store(f.reviewer).retract(Fixture.training, note: "Policy withdrawn.")
        let entries = try f.store(f.editor).audit(tool: ToolSlug("deepseek"), since: nil)
        let actions = entries.filter { $0.ref == "deepseek:training" }.map { "\($0.actor) \($0.action)" }
        #expect(
            actions == [
                "\(f.editor) drafted", "\(f.editor) cited", "\(f.reviewer) approved", "\(f.reviewer) published",
                "\(f.editor) drafted", "\(f.editor) edited", "\(f.reviewer) sent_back", "\(f.reviewer) retracted",
            ])
        #expect(entries.contains { $0.action == "sent_back" && $0.note == "Cite the new terms." })
        for user in [f.editor, f.reviewer, f.admin, f.exporter] {
            #expect(try f.rawSQL("DELETE FROM claimdesk.audit_log", as: user) == .insufficientPrivilege)
            #expect(
                try f.rawSQL("UPDATE claimdesk.audit_log SET actor = 'someone'", as: user) == .insufficientPrivilege)
        }
        // Even the owner: the table refuses updates, deletes and truncation.
        #expect(try f.rawSQL("UPDATE claimdesk.audit_log SET actor = 'someone'") == .insufficientPrivilege)
        #expect(try f.rawSQL("DELETE FROM claimdesk.audit_log") == .insufficientPrivilege)
        #expect(try f.rawSQL("TRUNCATE claimdesk.audit_log") == .insufficientPrivilege)
        #expect(try f.rawSQL("DELETE FROM claimdesk.revisions") == .insufficientPrivilege)
    }

    @Test("the exporter reads only what is published")
    func exporterSeesOnlyPublished() throws {
        let f = try Fixture()
        try f.published()
        try f.drafted(Fixture.optOut)
        #expect(try f.rawSQL("SELECT * FROM claimdesk.revisions", as: f.exporter) == .insufficientPrivilege)
        #expect(try f.rawSQL("SELECT * FROM claimdesk.citations", as: f.exporter) == .insufficientPrivilege)
        #expect(
            try f.rawSQL("SELECT claimdesk.claim_view('deepseek:opt_out')", as: f.exporter) == .insufficientPrivilege)
        let catalog = try f.store(f.exporter).publishedCatalog()
        #expect(catalog.tools.count == 1)
        #expect(catalog.tools.first?.claims.map(\.ref) == [Fixture.training])
        #expect(catalog.seq == 1)
    }
}
