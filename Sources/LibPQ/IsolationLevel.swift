/// Transaction isolation for `Connection.withTransaction`; serializable transactions may fail
/// with `SQLState.serializationFailure` and should be retried by the caller.
public enum IsolationLevel: Sendable, Hashable {
    case readCommitted
    case repeatableRead
    case serializable

    var sql: String {
        switch self {
        case .readCommitted: return "READ COMMITTED"
        case .repeatableRead: return "REPEATABLE READ"
        case .serializable: return "SERIALIZABLE"
        }
    }
}
