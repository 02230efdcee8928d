import ArgumentParser
import ClaimDeskStore

extension ClaimDesk {
    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "migrate",
            abstract: "Apply the pending migrations, each once, in its own transaction, under a lock.",
            discussion: "Run it as the role that owns the schema. A migration edited after it was applied is refused."
        )

        @OptionGroup var global: GlobalOptions

        struct Report: Encodable {
            var database: String
            var applied: [String]
            var total: Int
        }

        func run() throws {
            let store = try global.openStore()
            let migrator = Migrator()
            Terminal.progress("Migrating \(store.connection.database)…")
            let applied = try migrator.migrate(store.connection)
            let report = Report(database: store.connection.database, applied: applied, total: migrator.migrations.count)
            try global.emit(report) {
                applied.isEmpty
                    ? "Database \(report.database) is up to date (\(report.total) migrations)."
                    : "Applied \(applied.count) migration\(applied.count == 1 ? "" : "s") to \(report.database): "
                        + applied.joined(separator: ", ") + "."
            }
        }
    }
}
