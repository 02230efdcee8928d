import Foundation

/// One publish or retraction, as the change feed shows it.
public struct ChangeEvent: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable { case published, retracted }

    public var seq: Int64
    public var kind: Kind
    public var ref: ClaimRef
    public var toolName: String
    public var at: Date
    /// The headline that went live, or the retraction note.
    public var summary: String

    public init(seq: Int64, kind: Kind, ref: ClaimRef, toolName: String, at: Date, summary: String) {
        self.seq = seq
        self.kind = kind
        self.ref = ref
        self.toolName = toolName
        self.at = at
        self.summary = summary
    }
}
