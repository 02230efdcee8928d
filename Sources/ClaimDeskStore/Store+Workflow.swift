import ClaimDeskDomain
import Foundation
import LibPQ

/// Writes: each is a single call of a workflow function, which checks the caller's role itself.
extension Store {
    public func addUser(handle: String, role: String, name: String?) throws(StoreError) -> Person {
        struct Added: Decodable {
            var handle: String
            var role: String
            var name: String?
        }
        let added = try call("SELECT claimdesk.add_user(\(handle), \(role), \(name))", as: Added.self)
        return Person(handle: added.handle, name: added.name, roles: [added.role])
    }

    public func addTool(_ tool: Tool) throws(StoreError) {
        _ = try run(
            "SELECT claimdesk.add_tool(\(tool.slug.rawValue), \(tool.name), \(tool.category), \(tool.officialURL))")
    }

    public func addTier(_ tier: PlanTier) throws(StoreError) {
        _ = try run("SELECT claimdesk.add_tier(\(tier.tool.rawValue), \(tier.slug.rawValue), \(tier.name))")
    }

    public func draft(_ ref: ClaimRef, _ content: ClaimContent) throws(StoreError) -> Revision {
        try revision(
            """
            SELECT claimdesk.draft_claim(\(ref.description), \(content.verdict?.rawValue), \(content.headline),
                \(content.body), \(content.confidence?.rawValue), \(content.verifiedOn?.description)::date, \(content.verifiedBy))
            """)
    }

    /// Edits the open revision (or starts one from the live revision). With a base, a stale edit is refused.
    public func edit(_ ref: ClaimRef, _ content: ClaimContent, base: (id: RevisionID, version: Int)? = nil)
        throws(StoreError) -> (revision: Revision, changed: Bool)
    {
        let record = try call(
            """
            SELECT claimdesk.edit_claim(\(ref.description), \(content.verdict?.rawValue), \(content.headline),
                \(content.body), \(content.confidence?.rawValue), \(content.verifiedOn?.description)::date,
                \(content.verifiedBy), \(base?.id.rawValue), \(base?.version))
            """, as: RevisionRecord.self)
        return (record.revision, !(record.unchanged ?? false))
    }

    /// Cites `citation` on the claim's open revision (starting a draft when needed). With `replace`, the citation
    /// becomes exactly `citation` (absent fields cleared); without it, citing a URL already cited updates only the
    /// fields given.
    public func cite(_ ref: ClaimRef, _ citation: Citation, replace: Bool = true) throws(StoreError) -> Revision {
        try revision(
            """
            SELECT claimdesk.cite(\(ref.description), \(citation.url), \(citation.supports),
                \(citation.dated.description)::date, \(citation.title), \(citation.archivedURL), \(citation.quote),
                \(replace))
            """)
    }

    /// Cites a URL, or updates the fields given of the citation of that URL; `supports` and `dated` are needed
    /// only for a URL the claim does not cite yet.
    public func cite(_ ref: ClaimRef, update: CitationUpdate) throws(StoreError) -> Revision {
        try revision(
            """
            SELECT claimdesk.cite(\(ref.description), \(update.url), \(update.supports),
                \(update.dated?.description)::date, \(update.title), \(update.archivedURL), \(update.quote), false)
            """)
    }

    public func uncite(_ ref: ClaimRef, url: String) throws(StoreError) -> Revision {
        try revision("SELECT claimdesk.uncite(\(ref.description), \(url))")
    }

    public func discard(_ ref: ClaimRef, note: String? = nil) throws(StoreError) -> Revision {
        try revision("SELECT claimdesk.discard_claim(\(ref.description), \(note))")
    }

    /// Approves the open revision; with a base, only if it is still the version the reviewer read (else stale).
    public func approve(_ ref: ClaimRef, note: String?, base: (id: RevisionID, version: Int)? = nil)
        throws(StoreError) -> Revision
    {
        try revision(
            "SELECT claimdesk.approve(\(ref.description), \(note), \(base?.id.rawValue), \(base?.version))")
    }

    public func reject(_ ref: ClaimRef, note: String) throws(StoreError) -> Revision {
        try revision("SELECT claimdesk.reject(\(ref.description), \(note))")
    }

    /// Publishes every named claim's reviewed revision in one transaction, or none.
    public func publish(_ refs: [ClaimRef]) throws(StoreError) -> [Revision] {
        let list = String(
            decoding: (try? JSONEncoder().encode(refs.map(\.description))) ?? Data("[]".utf8), as: UTF8.self)
        return try call(
            "SELECT claimdesk.publish(ARRAY(SELECT jsonb_array_elements_text(\(list)::jsonb)))",
            as: [RevisionRecord].self
        ).map(\.revision)
    }

    public func publishAllReviewed() throws(StoreError) -> [Revision] {
        try call("SELECT claimdesk.publish_all_reviewed()", as: [RevisionRecord].self).map(\.revision)
    }

    public func retract(_ ref: ClaimRef, note: String) throws(StoreError) -> Revision {
        try revision("SELECT claimdesk.retract(\(ref.description), \(note))")
    }
}
