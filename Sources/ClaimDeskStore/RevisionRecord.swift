import ClaimDeskDomain
import Foundation

/// The JSON shape of `claimdesk.revision_json()`, decoded then mapped to the domain's `Revision`.
struct RevisionRecord: Decodable {
    struct CitationRecord: Decodable {
        var url: String
        var supports: String
        var dated: Day
        var title: String?
        var archived_url: String?
        var quote: String?
    }

    var id: Int64
    var ref: ClaimRef
    var number: Int
    var version: Int
    var state: RevisionState
    var verdict: String?
    var headline: String
    var body: String
    var confidence: Confidence
    var verified_on: Day
    var verified_by: String?
    var author: String
    var editors: [String]
    var reviewer: String?
    var note: String?
    var changes_requested: Bool
    var based_on: Int64?
    var created_at: Date
    var updated_at: Date
    var reviewed_at: Date?
    var published_at: Date?
    var closed_at: Date?
    var publish_seq: Int64?
    var citations: [CitationRecord]
    var unchanged: Bool?

    var revision: Revision {
        Revision(
            id: RevisionID(rawValue: id), ref: ref, number: number, version: version, state: state,
            verdict: verdict.map { VerdictKey($0) }, headline: headline, body: body, confidence: confidence,
            verifiedOn: verified_on, verifiedBy: verified_by, author: author, editors: editors, reviewer: reviewer,
            note: note, changesRequested: changes_requested, basedOn: based_on.map { RevisionID(rawValue: $0) },
            createdAt: created_at, updatedAt: updated_at, reviewedAt: reviewed_at, publishedAt: published_at,
            closedAt: closed_at, publishSeq: publish_seq,
            citations: citations.map {
                Citation(
                    url: $0.url, supports: $0.supports, dated: $0.dated, title: $0.title, archivedURL: $0.archived_url,
                    quote: $0.quote)
            })
    }
}
