import ClaimDeskDomain
import Yams

/// The YAML form of a document, as `claimdesk dump` writes it and `claimdesk import` reads it back.
extension AuthoringDocument {
    /// The document as YAML, in the document's own order (a dump is already in canonical order), so that the
    /// same data always gives the same bytes.
    public func yaml() throws -> String {
        try YAMLNodes.serialize(
            YAMLNodes.mapping([
                ("tools", tools.isEmpty ? nil : YAMLNodes.sequence(tools.map(\.yamlNode))),
                ("claims", claims.isEmpty ? nil : YAMLNodes.sequence(claims.map { $0.yamlNode(includingRef: true) })),
            ]))
    }
}

extension ToolEntry {
    var yamlNode: Node {
        YAMLNodes.mapping([
            ("slug", YAMLNodes.plain(slug.rawValue)),
            ("name", YAMLNodes.text(name)),
            ("category", YAMLNodes.text(category)),
            ("url", YAMLNodes.text(url)),
            (
                "tiers",
                tiers.isEmpty
                    ? nil
                    : YAMLNodes.sequence(
                        tiers.map {
                            YAMLNodes.mapping([
                                ("slug", YAMLNodes.plain($0.slug.rawValue)), ("name", YAMLNodes.text($0.name)),
                            ])
                        })
            ),
        ])
    }
}

extension ClaimEntry {
    /// The claim's fields in the file's order; `includingRef` false gives the `claim edit` form's body.
    func yamlNode(includingRef: Bool, alwaysBody: Bool = false, verdictWanted: Bool = false) -> Node {
        YAMLNodes.mapping([
            ("ref", includingRef ? YAMLNodes.plain(ref.description) : nil),
            ("verdict", verdict.map { YAMLNodes.plain($0.rawValue) } ?? (verdictWanted ? YAMLNodes.plain("") : nil)),
            ("headline", YAMLNodes.text(headline)),
            ("body", body.isEmpty && !alwaysBody ? nil : YAMLNodes.text(body)),
            ("confidence", YAMLNodes.plain(confidence.rawValue)),
            ("verified", YAMLNodes.plain(verified.description)),
            ("verified_by", verifiedBy.map(YAMLNodes.text)),
            ("citations", citations.isEmpty && includingRef ? nil : YAMLNodes.sequence(citations.map(\.yamlNode))),
        ])
    }
}

extension CitationEntry {
    var yamlNode: Node {
        YAMLNodes.mapping([
            ("url", YAMLNodes.text(url)),
            ("supports", YAMLNodes.text(supports)),
            ("dated", YAMLNodes.plain(dated.description)),
            ("title", title.map(YAMLNodes.text)),
            ("archived_url", archivedURL.map(YAMLNodes.text)),
            ("quote", quote.map(YAMLNodes.text)),
        ])
    }
}
