import Yams

/// Builds the Yams node trees that dumps and forms are written from: block style, keys in a fixed order, text
/// quoted only when YAML would misread it, several-line text as literal blocks, dates as plain YYYY-MM-DD.
enum YAMLNodes {
    static func text(_ value: String) -> Node {
        if value.contains("\n") { return .scalar(Node.Scalar(value, Tag(.str), .literal)) }
        return .scalar(value.represented())
    }

    /// Values whose shape is known to be safe unquoted: slugs, refs, verdicts, dates.
    static func plain(_ value: String) -> Node {
        .scalar(Node.Scalar(value, .implicit, .plain))
    }

    /// A block mapping in the given key order; nil values are left out.
    static func mapping(_ pairs: [(String, Node?)]) -> Node {
        .mapping(
            Node.Mapping(pairs.compactMap { key, value in value.map { (plain(key), $0) } }, .implicit, .block))
    }

    static func sequence(_ items: [Node]) -> Node {
        .sequence(Node.Sequence(items, .implicit, items.isEmpty ? .flow : .block))
    }

    static func serialize(_ node: Node) throws -> String {
        try Yams.serialize(
            node: node, indent: 2, width: -1, allowUnicode: true, sequenceStyle: .block, mappingStyle: .block)
    }
}
