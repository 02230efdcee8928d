import ClaimDeskDomain

/// A revision as aligned `label  value` lines, for `claim show`.
enum RevisionText {
    static func block(_ r: Revision, labels: VerdictLabels, indent: String = "  ") -> String {
        var fields = Fields(indent: indent)
        fields.add("Verdict", labels.describe(r.verdict, topic: r.ref.topic))
        fields.add("Headline", r.headline)
        fields.add("Body", r.body.isEmpty ? "(empty)" : r.body)
        fields.add("Confidence", r.confidence.rawValue)
        fields.add("Verified", "\(r.verifiedOn) by \(r.verifiedBy ?? r.author)")
        let others = r.editors.filter { $0 != r.author }
        fields.add("Author", others.isEmpty ? r.author : "\(r.author) (edited by \(others.joined(separator: ", ")))")
        fields.add(
            "Reviewer", r.reviewer.map { name in Timestamp.text(r.reviewedAt).map { "\(name) at \($0)" } ?? name })
        if let published = r.publishedAt {
            fields.add("Published", "\(Timestamp.text(published))" + (r.publishSeq.map { ", publish seq \($0)" } ?? ""))
        }
        if let note = r.note {
            fields.add(r.changesRequested ? "Sent back" : "Note", note)
        }
        fields.add("Updated", Timestamp.text(r.updatedAt))
        fields.add(
            "Citations", r.citations.isEmpty ? "none (claimdesk cite \(r.ref) --url ...)" : "\(r.citations.count)")
        var text = fields.rendered
        for (i, citation) in r.citations.enumerated() {
            text += "\n" + citationLines(citation, number: i + 1, indent: indent + "  ")
        }
        return text
    }

    static func citationLines(_ c: Citation, number: Int, indent: String) -> String {
        let marker = "\(number). "
        let pad = indent + String(repeating: " ", count: marker.count)
        var details = ["dated \(c.dated)"]
        if let title = c.title { details.append("title \"\(title)\"") }
        if let archived = c.archivedURL { details.append("archived \(archived)") }
        var lines = [indent + marker + c.url, pad + "supports: " + c.supports.clipped(200)]
        if let quote = c.quote { lines.append(pad + "quote: \u{201C}" + quote.clipped(300) + "\u{201D}") }
        lines.append(pad + details.joined(separator: " · "))
        return lines.joined(separator: "\n")
    }

    /// `revision 2 (draft, id 4:3)`: what a confirmation line says about a revision.
    static func summary(_ r: Revision) -> String {
        "revision \(r.number) (\(r.state.rawValue), id \(r.id):\(r.version))"
    }
}
