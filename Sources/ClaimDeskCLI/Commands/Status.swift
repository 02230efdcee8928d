import ArgumentParser
import ClaimDeskDomain
import ClaimDeskStore

extension ClaimDesk {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Show who you are connected as, your ClaimDesk roles, the migrations and the publish sequence."
        )

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let store = try global.openStore()
            let status = try Migrator().status(store.connection)
            try global.emit(status) { StatusText.render(status) }
        }
    }
}

enum StatusText {
    static func render(_ status: MigrationStatus) -> String {
        let applied = status.migrations.filter { $0.state == .applied }.count
        let pending = status.pending.count
        var fields = Fields()
        fields.add("Connected as", status.user)
        fields.add("Database", "\(status.database) (PostgreSQL \(version(status.serverVersion)))")
        fields.add(
            "ClaimDesk roles",
            status.roles.isEmpty
                ? "none (ask an admin: claimdesk user add \(status.user) --role editor)"
                : status.roles.joined(separator: ", "))
        fields.add("Publish seq", status.publishSeq.map(String.init) ?? "—")
        fields.add("Migrations", "\(applied) applied, \(pending) pending")
        var table = Table()
        for entry in status.migrations {
            table.add(["  " + entry.name, entry.state.rawValue, Timestamp.text(entry.appliedAt) ?? ""])
        }
        var text = fields.rendered
        if !status.migrations.isEmpty { text += "\n" + table.rendered }
        if applied == 0 {
            text += "\nThis database is not migrated for ClaimDesk: run `claimdesk migrate` as the schema owner."
        } else if pending > 0 {
            text += "\nRun `claimdesk migrate` to apply the \(pending) pending migration\(pending == 1 ? "" : "s")."
        }
        let broken = status.migrations.filter { $0.state == .modified || $0.state == .unknown }
        if let first = broken.first {
            text +=
                first.state == .modified
                ? "\nMigration \(first.name) was edited after it was applied: restore it, put changes in a new migration."
                : "\nMigration \(first.name) is unknown to this claimdesk: use a build from the same or a newer checkout."
        }
        return text
    }

    /// 150004 → "15.4"; 90624 → "9.6.24".
    static func version(_ number: Int) -> String {
        number >= 100_000
            ? "\(number / 10_000).\(number % 10_000)"
            : "\(number / 10_000).\(number / 100 % 100).\(number % 100)"
    }
}
