import ClaimDeskDomain
import Foundation

/// The JSON shape of an audit row as the read queries build it.
struct AuditRecord: Decodable {
    var id: Int64
    var at: Date
    var actor: String
    var action: String
    var tool: String?
    var ref: String?
    var revision: Int?
    var note: String?
    var details: [String: JSONScalar]

    var entry: AuditEntry {
        AuditEntry(
            id: id, at: at, actor: actor, action: action, tool: tool.map { ToolSlug($0) }, ref: ref, revision: revision,
            note: note, details: details.mapValues(\.text))
    }
}

/// A JSON scalar read as text, so audit details of any type can be shown.
struct JSONScalar: Decodable {
    var text: String

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) {
            text = s
        } else if let i = try? c.decode(Int64.self) {
            text = String(i)
        } else if let d = try? c.decode(Double.self) {
            text = String(d)
        } else if let b = try? c.decode(Bool.self) {
            text = String(b)
        } else {
            text = ""
        }
    }
}
