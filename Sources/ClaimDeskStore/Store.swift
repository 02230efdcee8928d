import ClaimDeskDomain
import Foundation
import LibPQ
import Logging

/// The editorial record, as the connected login role sees it. All SQL lives in this module; every write is one
/// call of a workflow function, so one command is one transaction and one round trip.
public final class Store {
    public let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    /// Connects with a URL, or libpq's own `PG*` defaults when nil.
    public convenience init(url: String?, logger: Logger = Logger(label: "claimdesk")) throws(StoreError) {
        do {
            self.init(
                connection: try Connection(url: url, parameters: ["application_name": "claimdesk"], logger: logger))
        } catch {
            throw StoreError(.connection, error.description)
        }
    }

    public var user: String { connection.user }

    /// Runs a query, turning server errors into the user's terms.
    func run(_ query: Query) throws(StoreError) -> QueryResult {
        do {
            return try connection.query(query)
        } catch {
            throw StoreError(error)
        }
    }

    /// Runs a workflow function returning `jsonb` and decodes it.
    func call<T: Decodable>(_ query: Query, as type: T.Type) throws(StoreError) -> T {
        let result = try run(query)
        guard let row = result.first else {
            throw StoreError(
                .database, "The database returned no result",
                hint: "The schema may be older than this claimdesk: run claimdesk status and claimdesk migrate.")
        }
        do {
            // SQL NULL reads as JSON null, so `T?` results (e.g. an unknown tool's detail) decode to nil.
            let text = try row.decode(0, as: String?.self) ?? "null"
            return try DatabaseJSON.decoder().decode(T.self, from: Data(text.utf8))
        } catch {
            throw StoreError(
                .database, "Could not read the database's answer: \(error.localizedDescription)",
                hint: "The schema may not match this claimdesk: run claimdesk status and claimdesk migrate.")
        }
    }

    func revision(_ query: Query) throws(StoreError) -> Revision {
        try call(query, as: RevisionRecord.self).revision
    }
}
