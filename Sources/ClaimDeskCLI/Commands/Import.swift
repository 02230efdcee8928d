import ArgumentParser
import ClaimDeskAuthoring
import ClaimDeskDomain
import ClaimDeskStore
import Foundation

extension ClaimDesk {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract:
                "Create or update drafts from a YAML or JSON file, all or nothing. Editors; admins also add tools.",
            discussion: """
                The file lists tools (with their plan tiers) and claims with their citations, as claimdesk dump \
                writes them (see samples/deepseek.yaml). Each claim's open revision is made to say what the file \
                says; claims that already say it are left alone, so importing a file twice changes nothing. Live \
                revisions are never touched: changes become drafts that a reviewer approves and publishes. Every \
                problem in the file is reported at once, with its line; then nothing is imported.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The file to import (.yaml, .yml or .json).", valueName: "file"))
        var file: String

        func validate() throws {
            if SourceFormat(fileName: file) == nil {
                throw UsageError("\(file): name the file .yaml, .yml or .json after its format")
            }
        }

        /// What `--json` prints: the file and the report.
        struct Result: Encodable {
            var file: String
            var report: ImportReport
        }

        /// What `--json` prints when the file is refused.
        struct Refusal: Encodable {
            struct Item: Encodable {
                var file: String
                var line: Int?
                var path: String
                var message: String
            }
            var file: String
            var imported = false
            var problems: [Item]
        }

        func run() throws {
            let store = try global.openStore()
            let context = AuthoringContext(
                topics: try store.topics(), tools: try store.tools(), tiers: try store.tiers())
            let document: AuthoringDocument
            do {
                document = try AuthoringParser(context: context).parse(fileAt: file)
            } catch {
                try refuse(error)
            }
            Terminal.progress("Importing \(document.claims.count) claims from \(file)…")
            let report = try store.importDocument(document)
            try global.emit(Result(file: file, report: report)) { render(report) }
        }

        /// Every problem goes to standard error, one per line (compiler style, so editors can jump to them);
        /// the exit status is "invalid input".
        func refuse(_ error: AuthoringError) throws -> Never {
            if global.json {
                let items = error.problems.map {
                    Refusal.Item(file: $0.file, line: $0.line, path: $0.path, message: $0.message)
                }
                Terminal.json(try JSONOutput.encode(Refusal(file: file, problems: items)))
            }
            Terminal.error("claimdesk: \(error.summary)")
            for problem in error.problems { Terminal.error(problem.description) }
            throw ExitCode(ExitStatus.invalid.rawValue)
        }

        func render(_ report: ImportReport) -> String {
            let created = report.count(.created)
            let updated = report.count(.updated)
            let unchanged = report.count(.unchanged)
            var lines = [
                "Imported \(file): \(created) created, \(updated) updated, \(unchanged) unchanged "
                    + "(\(report.claims.count) \(report.claims.count == 1 ? "claim" : "claims"))."
            ]
            let added = (report.tools + report.tiers).filter { $0.outcome == .created }.map(\.name)
            if !added.isEmpty { lines.append("Added \(added.joined(separator: ", ")).") }
            var table = Table()
            for claim in report.claims {
                table.add([
                    "  \(claim.outcome.rawValue)", claim.ref.description,
                    "revision \(claim.number) (\(claim.state.rawValue))",
                ])
            }
            if !report.claims.isEmpty { lines.append(table.rendered) }
            lines += report.warnings.map { "Warning: \($0)" }
            if created + updated > 0 {
                lines.append("Next: a reviewer approves them (claimdesk review queue), then publishes them.")
            } else {
                lines.append("Nothing changed: the database already says what the file says.")
            }
            return lines.joined(separator: "\n")
        }
    }
}
