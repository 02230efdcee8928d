import ClaimDeskDomain

/// Audit entries as a table, for `claim history` and `audit`.
enum EventText {
    static func table(_ events: [AuditEntry], showRef: Bool) -> String {
        guard !events.isEmpty else { return "No events." }
        var table = Table(header: ["AT", "ACTOR", "ACTION"] + (showRef ? ["ITEM"] : []) + ["REV", "NOTE"])
        for e in events {
            let tool = e.tool.map { tool in e.details["tier"].map { "\(tool)/\($0)" } ?? tool.rawValue }
            let item = e.ref ?? tool ?? e.details["handle"] ?? ""
            table.add(
                [Timestamp.text(e.at), e.actor, e.action] + (showRef ? [item] : [])
                    + [e.revision.map(String.init) ?? "", (e.note ?? "").clipped(60)])
        }
        return table.rendered
    }
}
