import ArgumentParser

/// The `claimdesk` command: the editorial desk's CLI. It parses, calls the store, renders; the rules live in
/// PostgreSQL, and who you are is the login role you connect as.
public struct ClaimDesk: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "claimdesk",
        abstract: "ClaimDesk: cited, dated, reviewed claims about AI tools' data practices.",
        discussion: """
            Connects with --database URL, else DATABASE_URL, else libpq's PG* defaults; the PostgreSQL login role \
            is who you are. Add --json to any command for machine-readable output. On failure, one line on \
            standard error says what went wrong, with which item, and what to do; the exit status says what kind \
            of failure it was (see docs/cli.md). --database and --json may come before or after the command.
            """,
        version: ClaimDesk.versionText,
        subcommands: [
            Migrate.self, Status.self, User.self, Tool.self, Tier.self, Topic.self, Claim.self, Cite.self, Uncite.self,
            Review.self, Publish.self, Retract.self, Stale.self, Audit.self, Import.self, Dump.self, Export.self,
            Sources.self,
            Serve.self, Notify.self,
        ]
    )

    public init() {}
}
