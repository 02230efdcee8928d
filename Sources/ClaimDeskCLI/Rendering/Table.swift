/// Left-aligned text columns separated by two spaces; the last column is never padded.
struct Table {
    var header: [String]?
    var rows: [[String]] = []

    init(header: [String]? = nil) {
        self.header = header
    }

    mutating func add(_ row: [String]) {
        rows.append(row)
    }

    var rendered: String {
        let all = (header.map { [$0] } ?? []) + rows
        let columns = all.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for row in all {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        return all.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell.padded(widths[i])
            }.joined(separator: "  ").trailingSpacesTrimmed
        }.joined(separator: "\n")
    }
}

/// `label  value` pairs with the values aligned, continuation lines of a value indented under it.
struct Fields {
    var indent: String
    private var pairs: [(String, String)] = []

    init(indent: String = "") {
        self.indent = indent
    }

    mutating func add(_ label: String, _ value: String?) {
        pairs.append((label, value ?? "—"))
    }

    var rendered: String {
        let width = pairs.map(\.0.count).max() ?? 0
        let pad = String(repeating: " ", count: width + 2)
        return pairs.map { label, value in
            let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
            let first = indent + label.padded(width) + "  " + (lines.first ?? "")
            let rest = lines.dropFirst().map { indent + pad + $0 }
            return ([first] + rest).map(\.trailingSpacesTrimmed).joined(separator: "\n")
        }.joined(separator: "\n")
    }
}

extension String {
    var trailingSpacesTrimmed: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }

    /// Padded with spaces to `width` characters (not UTF-16 units, so accents and dashes align).
    func padded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// Shortened to `limit` characters with an ellipsis, on one line, for table cells.
    func clipped(_ limit: Int) -> String {
        let line = split(whereSeparator: \.isNewline).joined(separator: " ")
        guard line.count > limit, limit > 1 else { return line }
        return String(line.prefix(limit - 1)) + "…"
    }
}
