import ArgumentParser
import ClaimDeskStore
import Foundation
import Logging

/// The flags every command takes: which database, and whether to answer in JSON.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .customLong("database"),
        help: ArgumentHelp(
            "PostgreSQL URL to connect to; else DATABASE_URL, else libpq's PG* defaults. The login role is who you are.",
            valueName: "url"))
    var database: String?

    @Flag(help: "Print machine-readable JSON on standard output instead of text.")
    var json = false

    /// `--database`, else `DATABASE_URL`, else nil so libpq applies its own `PG*`, service and `.pgpass` rules.
    var databaseURL: String? {
        if let database, !database.isEmpty { return database }
        if let env = ProcessInfo.processInfo.environment["DATABASE_URL"], !env.isEmpty { return env }
        return nil
    }

    func openStore() throws(StoreError) -> Store {
        try Store(url: databaseURL, logger: Logger(label: "claimdesk"))
    }

    /// Prints `value` as JSON with `--json`, otherwise the human text.
    func emit<T: Encodable>(_ value: T, text: () -> String) throws {
        if json {
            Terminal.json(try JSONOutput.encode(value))
        } else {
            let rendered = text()
            if !rendered.isEmpty { Terminal.out(rendered) }
        }
    }
}
