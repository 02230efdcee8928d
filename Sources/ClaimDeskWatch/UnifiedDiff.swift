/// A unified diff (`---`/`+++` headers, `@@` hunks with three lines of context) of two texts, line by line.
public enum UnifiedDiff {
    public static func render(old: String, new: String, oldLabel: String, newLabel: String, context: Int = 3)
        -> String
    {
        let a = old.isEmpty ? [] : old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.isEmpty ? [] : new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Walk both texts with the difference's removals (offsets in a) and insertions (offsets in b).
        let difference = b.difference(from: a)
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        enum Line {
            case same(Int, Int)
            case minus(Int)
            case plus(Int)
        }
        var lines: [Line] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) {
                lines.append(.minus(i))
                i += 1
            } else if j < b.count, inserted.contains(j) {
                lines.append(.plus(j))
                j += 1
            } else if i < a.count, j < b.count {
                lines.append(.same(i, j))
                i += 1
                j += 1
            } else if i < a.count {
                lines.append(.minus(i))
                i += 1
            } else {
                lines.append(.plus(j))
                j += 1
            }
        }
        let changed = lines.indices.filter {
            if case .same = lines[$0] { return false }
            return true
        }
        guard !changed.isEmpty else { return "" }
        // Group changes whose context overlaps into hunks.
        var hunks: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(lines.count - 1, index + context)
            if let last = hunks.last, range.lowerBound <= last.upperBound + 1 {
                hunks[hunks.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                hunks.append(range)
            }
        }
        // How many lines of each side come before each line of the walk: where a hunk starts on either side.
        var oldBefore: [Int] = []
        var newBefore: [Int] = []
        var olds = 0
        var news = 0
        for line in lines {
            oldBefore.append(olds)
            newBefore.append(news)
            switch line {
            case .same:
                olds += 1
                news += 1
            case .minus: olds += 1
            case .plus: news += 1
            }
        }
        var out = "--- \(oldLabel)\n+++ \(newLabel)\n"
        for hunk in hunks {
            var oldCount = 0
            var newCount = 0
            var body = ""
            for line in lines[hunk] {
                switch line {
                case .same(let x, _):
                    oldCount += 1
                    newCount += 1
                    body += " \(a[x])\n"
                case .minus(let x):
                    oldCount += 1
                    body += "-\(a[x])\n"
                case .plus(let y):
                    newCount += 1
                    body += "+\(b[y])\n"
                }
            }
            // diff's convention: an empty side names the line before the hunk.
            let oldFrom = oldBefore[hunk.lowerBound] + (oldCount == 0 ? 0 : 1)
            let newFrom = newBefore[hunk.lowerBound] + (newCount == 0 ? 0 : 1)
            out += "@@ -\(oldFrom),\(oldCount) +\(newFrom),\(newCount) @@\n" + body
        }
        return out
    }
}
