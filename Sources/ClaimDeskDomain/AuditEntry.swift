import Foundation

/// One row of the append-only audit log.
public struct AuditEntry: Hashable, Sendable, Codable {
    public var id: Int64
    public var at: Date
    public var actor: String
    public var action: String
    public var tool: ToolSlug?
    public var ref: String?
    public var revision: Int?
    public var note: String?
    public var details: [String: String]

    public init(
        id: Int64, at: Date, actor: String, action: String, tool: ToolSlug?, ref: String?, revision: Int?,
        note: String?,
        details: [String: String]
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.tool = tool
        self.ref = ref
        self.revision = revision
        self.note = note
        self.details = details
    }
}
