/// Field-by-field comparison of a claim's open revision against its live one, citations included.
public struct RevisionDiff: Hashable, Sendable, Codable {
    public var ref: ClaimRef
    public var liveNumber: Int?
    public var openNumber: Int?
    public var changes: [FieldChange]

    public init(ref: ClaimRef, liveNumber: Int?, openNumber: Int?, changes: [FieldChange]) {
        self.ref = ref
        self.liveNumber = liveNumber
        self.openNumber = openNumber
        self.changes = changes
    }

    /// Compares two revisions; either side may be missing (a first draft has no live revision).
    public init(ref: ClaimRef, live: Revision?, open: Revision?) {
        func fields(_ r: Revision?) -> [(String, String?)] {
            [
                ("verdict", r?.verdict?.rawValue), ("headline", r?.headline), ("body", r?.body),
                ("confidence", r?.confidence.rawValue), ("verified_on", r?.verifiedOn.description),
                ("verified_by", r?.verifiedBy),
            ]
        }
        var changes: [FieldChange] = []
        for ((name, a), (_, b)) in zip(fields(live), fields(open)) where a != b {
            changes.append(FieldChange(field: name, live: a, open: b))
        }
        let liveCitations = Dictionary((live?.citations ?? []).map { ($0.url, $0) }, uniquingKeysWith: { a, _ in a })
        let openCitations = Dictionary((open?.citations ?? []).map { ($0.url, $0) }, uniquingKeysWith: { a, _ in a })
        for url in Set(liveCitations.keys).union(openCitations.keys).sorted() {
            let a = liveCitations[url].map(RevisionDiff.describe)
            let b = openCitations[url].map(RevisionDiff.describe)
            if a != b { changes.append(FieldChange(field: "citation \(url)", live: a, open: b)) }
        }
        self.init(ref: ref, liveNumber: live?.number, openNumber: open?.number, changes: changes)
    }

    static func describe(_ c: Citation) -> String {
        var text = "supports: \(c.supports) (dated \(c.dated))"
        if let title = c.title { text += "; title: \(title)" }
        if let archived = c.archivedURL { text += "; archived: \(archived)" }
        if let quote = c.quote { text += "; quote: \"\(quote)\"" }
        return text
    }
}
