import ClaimDeskStore

/// The exit status of `claimdesk`: one code per kind of failure, so scripts can tell a refused edit from a dead server.
public enum ExitStatus: Int32, CaseIterable, Sendable {
    case success = 0
    /// Anything unexpected: a database error without a better kind, a file that cannot be written.
    case failure = 1
    /// Input refused, by the CLI's early checks or by the database's rules (bad date, URL, verdict, text).
    case invalid = 2
    /// An unknown tool, tier, topic, claim or revision.
    case notFound = 3
    /// The login role lacks the ClaimDesk role for this, or may not do it to this item (self-approval).
    case forbidden = 4
    /// The workflow state refuses it: already exists, already open, not reviewed yet, nothing to retract.
    case conflict = 5
    /// An edit based on a revision that changed meanwhile (`--base`).
    case stale = 6
    /// The database is not migrated, or its migrations do not match this build.
    case notMigrated = 7
    /// PostgreSQL could not be reached or refused the login.
    case connection = 8
    /// The command line itself is wrong: unknown command or flag, missing argument.
    case usage = 64

    init(_ kind: StoreError.Kind) {
        switch kind {
        case .invalid: self = .invalid
        case .notFound: self = .notFound
        case .forbidden: self = .forbidden
        case .conflict: self = .conflict
        case .stale: self = .stale
        case .notMigrated, .migration: self = .notMigrated
        case .connection: self = .connection
        case .database: self = .failure
        }
    }
}
