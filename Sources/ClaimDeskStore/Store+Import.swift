import ClaimDeskDomain
import Foundation
import LibPQ

/// Imports an authoring document as the connected editor: all or nothing, in one transaction, and only through
/// the workflow functions — so an import is exactly what the same person could do with `claim edit` and `cite`,
/// its changes enter review like any edit, and a live revision is never touched directly.
extension Store {
    /// Creates missing tools and tiers (admins only), then makes each claim's open revision say what the file
    /// says, citations and their order included. Claims that already say it are left alone, so importing the same
    /// file twice creates no revisions.
    public func importDocument(_ document: AuthoringDocument) throws(StoreError) -> ImportReport {
        try inTransaction { () throws(StoreError) in
            var report = ImportReport()
            try importTools(document, into: &report)
            let states = try claimStates(tools: Set(document.claims.map(\.ref.tool)))
            for entry in document.claims {
                let (revision, outcome) = try sync(entry, current: states[entry.ref]?.current, base: nil)
                report.claims.append(
                    ImportReport.ClaimResult(
                        ref: entry.ref, outcome: outcome, number: revision.number, state: revision.state))
            }
            return report
        }
    }

    /// Makes `entry` the content of its claim's open revision in one transaction, as `claim edit` in `$EDITOR`
    /// does. With `base` (the revision the form was made from) a change made meanwhile is refused, not overwritten.
    public func save(_ entry: ClaimEntry, base: (id: RevisionID, version: Int)?) throws(StoreError)
        -> (revision: Revision, outcome: ImportReport.Outcome)
    {
        try inTransaction { () throws(StoreError) in
            let current = try claimStates(tools: [entry.ref.tool])[entry.ref]?.current
            return try sync(entry, current: current, base: base)
        }
    }

    private func inTransaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        do {
            return try connection.withTransaction { try body() }
        } catch let error as StoreError {
            throw error
        } catch let error as PostgresError {
            throw StoreError(error)
        } catch {
            throw StoreError(
                .database, "The import failed: \(error.localizedDescription)",
                hint: "Nothing was imported; fix the cause and run claimdesk import again.")
        }
    }

    private func importTools(_ document: AuthoringDocument, into report: inout ImportReport) throws(StoreError) {
        let existingTools = Dictionary(try tools().map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let existingTiers = try tiers()
        let missing =
            document.tools.filter { existingTools[$0.slug] == nil }.map(\.slug.rawValue)
            + document.tools.flatMap { tool in
                tool.planTiers.filter { tier in !existingTiers.contains { $0.tool == tier.tool && $0.slug == tier.slug }
                }
                .map { "\($0.tool)/\($0.slug)" }
            }
        for entry in document.tools {
            if let existing = existingTools[entry.slug] {
                report.tools.append(.init(name: entry.slug.rawValue, outcome: .unchanged))
                for (field, file, database) in [
                    ("name", entry.name, existing.name), ("category", entry.category, existing.category),
                    ("url", entry.url, existing.officialURL),
                ] where file != database {
                    report.warnings.append(
                        "Tool \(entry.slug): the file's \(field) \"\(file)\" differs from the database's "
                            + "\"\(database)\"; the database's was kept (tools are not changed by import).")
                }
            } else {
                try asAdmin(missing) { () throws(StoreError) in try addTool(entry.tool) }
                report.tools.append(.init(name: entry.slug.rawValue, outcome: .created))
            }
            for tier in entry.planTiers {
                let name = "\(tier.tool)/\(tier.slug)"
                if let existing = existingTiers.first(where: { $0.tool == tier.tool && $0.slug == tier.slug }) {
                    report.tiers.append(.init(name: name, outcome: .unchanged))
                    if existing.name != tier.name {
                        report.warnings.append(
                            "Tier \(name): the file's name \"\(tier.name)\" differs from the database's "
                                + "\"\(existing.name)\"; the database's was kept (tiers are not changed by import).")
                    }
                } else {
                    try asAdmin(missing) { () throws(StoreError) in try addTier(tier) }
                    report.tiers.append(.init(name: name, outcome: .created))
                }
            }
        }
    }

    /// Runs an admin-only step, turning "permission denied" into a message that lists everything an admin must add.
    private func asAdmin(_ missing: [String], _ body: () throws(StoreError) -> Void) throws(StoreError) {
        do {
            try body()
        } catch  where error.kind == .forbidden {
            throw StoreError(
                .forbidden,
                "The file adds \(missing.joined(separator: ", ")), which \(missing.count == 1 ? "is" : "are") not in the "
                    + "database yet, and only an admin may add tools and tiers; nothing was imported",
                hint:
                    "Ask an admin to import this file (or to run claimdesk tool add / tier add), then import it again.",
                sqlState: error.sqlState)
        }
    }

    /// The open and live revisions of every claim of the given tools, in one query.
    func claimStates(tools: Set<ToolSlug>) throws(StoreError) -> [ClaimRef: ClaimState] {
        guard !tools.isEmpty else { return [:] }
        let states = try call(
            """
            SELECT coalesce(jsonb_agg(jsonb_build_object('ref', claimdesk.ref_of(c.id),
                'open', (SELECT claimdesk.revision_json(r.id) FROM claimdesk.revisions r
                         WHERE r.claim_id = c.id AND r.state IN ('draft', 'reviewed')),
                'live', (SELECT claimdesk.revision_json(r.id) FROM claimdesk.revisions r
                         WHERE r.claim_id = c.id AND r.state = 'published'))), '[]')
            FROM claimdesk.claims c WHERE c.tool_slug = ANY (\(tools.map(\.rawValue).sorted())::text[])
            """, as: [ClaimState].self)
        return Dictionary(states.map { ($0.ref, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Makes the claim's open revision say what `entry` says: a new draft when there is nothing to edit, an edit
    /// otherwise, then cite/uncite until the draft's citations equal the entry's, in the entry's order.
    private func sync(_ entry: ClaimEntry, current: Revision?, base: (id: RevisionID, version: Int)?)
        throws(StoreError) -> (Revision, ImportReport.Outcome)
    {
        if let current, base == nil, entry.matches(current) { return (current, .unchanged) }
        let content = ClaimContent(
            verdict: entry.verdict, headline: entry.headline, body: entry.body, confidence: entry.confidence,
            verifiedOn: entry.verified, verifiedBy: entry.verifiedBy)
        var revision: Revision
        let outcome: ImportReport.Outcome
        if current == nil {
            revision = try draft(entry.ref, content)
            outcome = .created
        } else {
            revision = try edit(entry.ref, content, base: base).revision
            outcome = .updated
        }
        let wanted = entry.citations
        let wantedURLs = Set(wanted.map(\.url))
        var have = revision.citations.map(CitationEntry.init)
        for citation in have where !wantedURLs.contains(citation.url) {
            revision = try uncite(entry.ref, url: citation.url)
        }
        have.removeAll { !wantedURLs.contains($0.url) }
        // Citations keep their position when updated and new ones go last, so everything after the first
        // difference in order is removed and cited again in the file's order.
        let kept = zip(have, wanted).prefix { $0.url == $1.url }.count
        for citation in have[kept...] {
            revision = try uncite(entry.ref, url: citation.url)
        }
        for (index, citation) in wanted.enumerated() where index >= kept || have[index] != citation {
            revision = try cite(entry.ref, citation.citation)
        }
        return (revision, outcome)
    }
}
