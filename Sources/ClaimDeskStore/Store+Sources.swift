import ClaimDeskDomain
import Foundation
import LibPQ

/// The source watch: what the watcher checks and records, and what editors read about it. The database computes
/// every state from the watch record; these calls only carry values.
extension Store {
    /// A cited URL to check, with the validators of its latest snapshot for a conditional request.
    public struct SourceTarget: Hashable, Sendable, Decodable {
        public var url: String
        public var etag: String?
        public var lastModified: String?

        enum CodingKeys: String, CodingKey {
            case url, etag
            case lastModified = "last_modified"
        }
    }

    /// What one check found, as the watcher reports it to the database.
    public struct SourceCheck: Hashable, Sendable {
        public enum Outcome: String, Sendable, Codable {
            case newText = "new_text"
            case unchanged
            case notModified = "not_modified"
            case httpError = "http_error"
            case timeout
            case networkError = "network_error"
            case tooManyRedirects = "too_many_redirects"
            case tooLarge = "too_large"
            case notComparable = "not_comparable"
        }

        public var url: String
        public var outcome: Outcome
        public var httpStatus: Int?
        public var finalURL: String?
        public var contentType: String?
        public var etag: String?
        public var lastModified: String?
        public var sha256: String?
        public var text: String?
        public var detail: String?

        public init(
            url: String, outcome: Outcome, httpStatus: Int? = nil, finalURL: String? = nil,
            contentType: String? = nil, etag: String? = nil, lastModified: String? = nil, sha256: String? = nil,
            text: String? = nil, detail: String? = nil
        ) {
            self.url = url
            self.outcome = outcome
            self.httpStatus = httpStatus
            self.finalURL = finalURL
            self.contentType = contentType
            self.etag = etag
            self.lastModified = lastModified
            self.sha256 = sha256
            self.text = text
            self.detail = detail
        }
    }

    /// The check as recorded: the outcome (`new_text` becomes `unchanged` when the text hashes the same), its watch
    /// number, and the states of the URL's citations counted by state.
    public struct RecordedCheck: Hashable, Sendable, Decodable {
        public var url: String
        public var outcome: SourceCheck.Outcome
        public var seq: Int64
        public var snapshot: Int64?
        public var newSnapshot: Bool
        public var states: [String: Int]

        enum CodingKeys: String, CodingKey {
            case url, outcome, seq, snapshot, states
            case newSnapshot = "new_snapshot"
        }
    }

    /// The URLs cited by a live or open revision, of one tool or one URL when given (watcher only).
    public func sourceTargets(tool: ToolSlug? = nil, url: String? = nil) throws(StoreError) -> [SourceTarget] {
        try call("SELECT claimdesk.source_targets(\(tool?.rawValue), \(url))", as: [SourceTarget].self)
    }

    /// Takes the URL's check lock for this session; false when another run holds it.
    public func tryLockSource(_ url: String) throws(StoreError) -> Bool {
        try call("SELECT to_jsonb(claimdesk.source_try_lock(\(url)))", as: Bool.self)
    }

    public func unlockSource(_ url: String) throws(StoreError) {
        _ = try run("SELECT claimdesk.source_unlock(\(url))")
    }

    public func recordSourceCheck(_ check: SourceCheck) throws(StoreError) -> RecordedCheck {
        try call(
            """
            SELECT claimdesk.record_source_check(\(check.url), \(check.outcome.rawValue), \(check.httpStatus)::int,
                \(check.finalURL), \(check.contentType), \(check.etag), \(check.lastModified), \(check.sha256),
                \(check.text), \(check.detail))
            """, as: RecordedCheck.self)
    }

    /// One row per cited URL with its worst state and the claims citing it.
    public func sourceStatus(tool: ToolSlug? = nil) throws(StoreError) -> [SourceStatus] {
        try call("SELECT claimdesk.source_status(\(tool?.rawValue))", as: [SourceStatus].self)
    }

    /// The latest snapshot of a URL and the one to compare it with (current at the start of `since`, or the one
    /// before the latest).
    public func sourceSnapshots(url: String, since: Day? = nil) throws(StoreError) -> SourceSnapshotPair {
        try call("SELECT claimdesk.source_diff(\(url), \(since?.description)::date)", as: SourceSnapshotPair.self)
    }

    /// The citations of each revision whose source needs an editor (changed, quote missing, unreachable).
    public func sourceFlags(revisions: [RevisionID]) throws(StoreError) -> [RevisionID: [SourceFlag]] {
        guard !revisions.isEmpty else { return [:] }
        struct Row: Decodable {
            var id: Int64
            var flags: [SourceFlag]
        }
        let rows = try call(
            """
            SELECT coalesce(jsonb_agg(jsonb_build_object('id', x.id, 'flags', claimdesk.source_flags(x.id))), '[]')
            FROM unnest(\(revisions.map(\.rawValue))::bigint[]) AS x(id)
            """, as: [Row].self)
        var result: [RevisionID: [SourceFlag]] = [:]
        for row in rows where !row.flags.isEmpty { result[RevisionID(rawValue: row.id)] = row.flags }
        return result
    }
}
