import ArgumentParser
import ClaimDeskDomain
import ClaimDeskWatch

extension ClaimDesk.Sources {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "A unified diff of a source's extracted text: what actually changed in the policy.",
            discussion: """
                Compares the latest snapshot with the one current at the start of --since (or, without it, with the \
                snapshot before the latest).
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("A cited URL.", valueName: "url"))
        var url: String

        @Option(help: ArgumentHelp("Compare with the text as it was on this day (YYYY-MM-DD).", valueName: "date"))
        var since: String?

        func validate() throws {
            try Input.url(url, item: "URL")
            if let since { _ = try Input.day(since, item: "--since") }
        }

        struct Output: Encodable {
            var url: String
            var old: Snapshot?
            var new: Snapshot
            var diff: String

            struct Snapshot: Encodable {
                var id: Int64
                var fetchedAt: String
                var sha256: String

                enum CodingKeys: String, CodingKey {
                    case id, sha256
                    case fetchedAt = "fetched_at"
                }
            }
        }

        func run() throws {
            var day: Day?
            if let since { day = try Input.day(since, item: "--since") }
            let store = try global.openStore()
            let pair = try store.sourceSnapshots(url: url, since: day)
            let label = { (s: SourceSnapshotPair.Snapshot) in
                "\(pair.url) (snapshot \(s.id), \(Timestamp.text(s.fetchedAt)))"
            }
            let diff =
                pair.old.map {
                    UnifiedDiff.render(old: $0.text, new: pair.new.text, oldLabel: label($0), newLabel: label(pair.new))
                } ?? ""
            let snapshot = { (s: SourceSnapshotPair.Snapshot) in
                Output.Snapshot(id: s.id, fetchedAt: Timestamp.text(s.fetchedAt), sha256: s.sha256)
            }
            let output = Output(url: pair.url, old: pair.old.map(snapshot), new: snapshot(pair.new), diff: diff)
            try global.emit(output) {
                guard let old = pair.old else {
                    return "Only one snapshot of \(url.clipped(200)) so far (\(label(pair.new))); nothing to compare."
                }
                guard !diff.isEmpty else {
                    return "The extracted text of snapshots \(old.id) and \(pair.new.id) is the same."
                }
                return String(diff.dropLast())
            }
        }
    }
}
