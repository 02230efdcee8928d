import Foundation

/// What changed in a draft since a reviewer sent it back: the reviewer asked for changes at one version, and
/// after the fix they compare against that, not only against the live revision.
public struct SentBackDiff: Hashable, Sendable, Codable {
    /// One field as it was sent back and as it is now.
    public struct Change: Hashable, Sendable, Codable {
        public var field: String
        public var sentBack: String?
        public var now: String?

        public init(field: String, sentBack: String?, now: String?) {
            self.field = field
            self.sentBack = sentBack
            self.now = now
        }
    }

    public var ref: ClaimRef
    public var number: Int
    public var version: Int
    public var sentBackVersion: Int
    public var sentBackAt: Date
    public var sentBackBy: String
    public var note: String?
    public var changes: [Change]

    /// Compares the revision as it was sent back with the open revision now, field by field, citations included.
    public init(
        ref: ClaimRef, sentBack: Revision, now: Revision, sentBackVersion: Int, sentBackAt: Date, sentBackBy: String,
        note: String?
    ) {
        self.ref = ref
        self.number = now.number
        self.version = now.version
        self.sentBackVersion = sentBackVersion
        self.sentBackAt = sentBackAt
        self.sentBackBy = sentBackBy
        self.note = note
        self.changes = RevisionDiff(ref: ref, live: sentBack, open: now).changes.map {
            Change(field: $0.field, sentBack: $0.live, now: $0.open)
        }
    }
}
