import ArgumentParser
import ClaimDeskDomain
import ClaimDeskPublishing
import ClaimDeskStore
import Foundation

extension ClaimDesk {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write what is published — and only that — as the public site's files.",
            discussion: """
                Writes api/v1/tools.json, api/v1/tools/SLUG.json, tools/SLUG/index.html, index.html, changes.xml, \
                sitemap.xml, assets/site.HASH.css (the one stylesheet, linked from every page) and manifest.json \
                into DIR, atomically: the previous export stays whole until the new one replaces it. Works on a \
                read-only hot standby (it only reads). --incremental re-renders only tools published or retracted since the export at DIR \
                (same bytes as a full export). --check verifies DIR against its manifest and against the database. \
                Needs read access to what is published (the exporter role is enough).
                """)

        @OptionGroup var global: GlobalOptions

        @Option(name: .customLong("out"), help: ArgumentHelp("The site folder to write or check.", valueName: "dir"))
        var out: String

        @Flag(help: "Re-render only the tools whose published content changed since the export at --out.")
        var incremental = false

        @Flag(help: "Verify the export at --out against its manifest and the database; change nothing.")
        var check = false

        @Option(
            name: .customLong("base-url"),
            help: ArgumentHelp(
                "The public site's root URL (else CLAIMDESK_SITE_URL, else http://localhost:8000).", valueName: "url"))
        var baseURL: String?

        @Option(
            name: .customLong("notify-url"),
            help: ArgumentHelp(
                "Where the notify-me form posts (claimdesk serve's /notify); {tool} becomes the tool's slug. Without it, pages show no form.",
                valueName: "url"))
        var notifyURL: String?

        @Option(
            name: .customLong("staleness-days"),
            help: ArgumentHelp("Flag claims verified more than this many days ago as stale.", valueName: "days"))
        var stalenessDays = 180

        @Option(
            name: .customLong("as-of"),
            help: ArgumentHelp(
                "Judge staleness as of this day (YYYY-MM-DD; default today, UTC), for reproducible exports.",
                valueName: "date"))
        var asOf: String?

        func validate() throws {
            if incremental && check {
                throw InputError(
                    item: "--incremental --check", problem: "cannot be combined",
                    fix: "export with --incremental, then verify with --check in a second run")
            }
            guard !out.isEmpty else {
                throw InputError(item: "--out", problem: "is empty", fix: "give the folder to write, e.g. --out site")
            }
            guard (1...36_500).contains(stalenessDays) else {
                throw InputError(
                    item: "--staleness-days \(stalenessDays)", problem: "is not a number of days from 1 to 36500",
                    fix: "give the staleness policy in days, e.g. --staleness-days 180")
            }
            if let asOf { _ = try Validation.parseDay(asOf, item: "--as-of") }
            if let baseURL { try Validation.checkURL(baseURL, item: "--base-url") }
        }

        func run() throws {
            let directory = URL(fileURLWithPath: out, isDirectory: true).standardizedFileURL
            // Reading the previous export starts first, so it overlaps connecting and asking what changed.
            let previous = incremental && !check ? PreviousExport(at: directory) : nil
            let store = try global.openStore()
            let exporter = try SiteExporter()
            if check {
                try runCheck(store: store, exporter: exporter, directory: directory)
                return
            }
            let config = try siteConfig(
                asOf: try asOf.map { try Validation.parseDay($0, item: "--as-of") } ?? Day.today())
            var report: ExportReport
            var mode = "full"
            if let previous, let position = try previous.position() {
                do {
                    let changed = try store.publishedCatalog(
                        changedAfter: position.seq, watchChangedAfter: position.watchSeq)
                    report = try exporter.exportIncremental(
                        changed: changed, config: config, to: directory, previous: previous)
                    mode = "incremental"
                } catch ExportError.incompatibleExport(_, let reason) {
                    Terminal.error("export: the export at \(out) was made with \(reason); doing a full export instead.")
                    report = try fullExport(store: store, exporter: exporter, config: config, directory: directory)
                }
            } else {
                if incremental {
                    Terminal.error("export: no previous export at \(out); doing a full export.")
                }
                report = try fullExport(store: store, exporter: exporter, config: config, directory: directory)
            }
            let summary = ExportSummary(
                out: directory.path, mode: mode, report: report, statements: store.connection.statementCount)
            if let asOf {
                try warnAboutAsOf(asOf, store: store)
            }
            try global.emit(summary) {
                """
                Exported \(report.tools) tool page\(report.tools == 1 ? "" : "s") to \(directory.path) \
                (\(mode), up to publish seq \(report.seq)): rendered \(report.toolsRendered), wrote \
                \(report.filesWritten) files (\(report.bytesWritten) bytes), reused \(report.filesReused)\
                \(report.toolsRemoved > 0 ? ", removed \(report.toolsRemoved) page(s)" : "").
                Rendered: \(Export.list(report.rendered))
                Removed: \(Export.list(report.removed))
                """
            }
        }

        /// `a, b, c and 12 more`: the slugs of a report line, at most 20 of them.
        static func list(_ slugs: [ToolSlug]) -> String {
            guard !slugs.isEmpty else { return "none" }
            let shown = slugs.prefix(20).map(\.rawValue).joined(separator: ", ")
            return slugs.count > 20 ? "\(shown) and \(slugs.count - 20) more" : shown
        }

        /// An --as-of day before a live claim was verified is almost certainly a mistake: that claim's staleness is
        /// judged as of a day before anyone checked it. Warn (standard error), but export as asked.
        private func warnAboutAsOf(_ text: String, store: Store) throws {
            let day = try Validation.parseDay(text, item: "--as-of")
            let (count, examples) = try store.liveClaimsVerified(after: day)
            guard count > 0 else { return }
            Terminal.error(
                "export: warning: --as-of \(day) is earlier than the verification date of \(count) live "
                    + "claim\(count == 1 ? "" : "s") (e.g. \(examples.joined(separator: ", "))); "
                    + "their staleness is judged as of a day before they were checked. Omit --as-of to use today.")
        }

        /// Streams the published catalogue from the database into the exporter, tool by tool, in one snapshot.
        private func fullExport(store: Store, exporter: SiteExporter, config: SiteConfig, directory: URL) throws
            -> ExportReport
        {
            var count = 0
            return try exporter.exportStreaming(config: config, to: directory) { sink in
                let snapshot = try store.exportSnapshot(begin: { try sink.begin(topics: $0, tools: $1) }) { tool in
                    try sink.add(tool)
                    count += 1
                    if count % 1000 == 0 { Terminal.progress("export: \(count) tools rendered") }
                }
                sink.watchSeq = snapshot.watchSeq
                return (snapshot.changes, snapshot.seq)
            }
        }

        private func runCheck(store: Store, exporter: SiteExporter, directory: URL) throws {
            guard let manifest = try SiteExporter.manifest(in: directory) else {
                throw CLIError(
                    .notFound,
                    "\(out) has no manifest.json, so there is no export to check; run claimdesk export --out \(out) first."
                )
            }
            // Check with the settings the export was made with, so a new day alone is not reported as drift.
            let config = try siteConfig(asOf: manifest.asOf, stalenessDays: manifest.stalenessDays)
            let report = try exporter.check(dir: directory, against: try store.publishedCatalog(), config: config)
            try global.emit(report) {
                if report.isClean {
                    return
                        "\(out) is intact: \(report.filesChecked) files match manifest.json and the database (publish seq \(report.seq))."
                }
                return report.problems.joined(separator: "\n")
            }
            if !report.isClean {
                let count = report.problems.count
                throw CLIError(
                    .failure,
                    "\(out) has drifted: \(count) problem\(count == 1 ? "" : "s") (listed above); run claimdesk export --out \(out) to rewrite it."
                )
            }
        }

        private func siteConfig(asOf: Day, stalenessDays: Int? = nil) throws -> SiteConfig {
            let environment = ProcessInfo.processInfo.environment
            var base = baseURL ?? environment["CLAIMDESK_SITE_URL"] ?? "http://localhost:8000"
            while base.hasSuffix("/") { base.removeLast() }
            return SiteConfig(
                baseURL: base, notifyURL: notifyURL ?? "", asOf: asOf,
                stalenessDays: stalenessDays ?? self.stalenessDays)
        }
    }
}

/// What `claimdesk export --json` prints: the exporter's report plus how many SQL statements the export issued.
struct ExportSummary: Encodable {
    var out: String
    var mode: String
    var report: ExportReport
    var statements: Int
}
