import ClaimDeskDomain
import Foundation
import LibPQ

/// The notifier's calls (sql/0008): subscriptions, confirmation, unsubscribe, the outbox. Each checks the caller's
/// role in the database; only the notifier role ever receives an address.
extension Store {
    /// The SQLSTATE of a refused request past the rate limit (`program_limit_exceeded`).
    public static let rateLimitedState = "54000"

    /// Records a subscribe request (pending until confirmed). Throws `.invalid` for a bad address, `.notFound` for a
    /// tool without a page, and an error with `rateLimitedState` past the limits.
    public func subscribe(tool: String, email: String, client: String) throws(StoreError) -> Subscription {
        struct Record: Decodable {
            var tool: String
            var toolName: String
            var token: String?
        }
        let record = try call("SELECT claimdesk.notify_subscribe(\(tool), \(email), \(client))", as: Record.self)
        return Subscription(tool: ToolSlug(record.tool), toolName: record.toolName, confirmToken: record.token)
    }

    /// Confirms a pending subscription by its token; `.notFound` when the token is unknown, used or expired.
    public func confirmSubscription(token: String) throws(StoreError) -> (tool: ToolSlug, toolName: String) {
        struct Record: Decodable {
            var tool: String
            var toolName: String
        }
        let record = try call("SELECT claimdesk.notify_confirm(\(token))", as: Record.self)
        return (ToolSlug(record.tool), record.toolName)
    }

    /// Deletes the address a message's unsubscribe token belongs to; false when it was already gone.
    @discardableResult
    public func unsubscribe(token: String) throws(StoreError) -> Bool {
        struct Record: Decodable { var unsubscribed: Bool }
        return try call("SELECT claimdesk.notify_unsubscribe(\(token))", as: Record.self).unsubscribed
    }

    /// Leases up to `limit` due messages for `leaseSeconds`; a message not marked sent or failed by then is due again.
    public func claimOutbox(limit: Int, leaseSeconds: Int = 300) throws(StoreError) -> [OutboxMessage] {
        struct Change: Decodable {
            var seq: Int64
            var day: Day
            var items: [ChangeItemRecord]
        }
        struct Record: Decodable {
            var id: Int64
            var email: String
            var tool: String
            var toolName: String
            var attempt: Int
            var unsubscribeToken: String
            var change: Change
        }
        return try call("SELECT claimdesk.notify_claim(\(limit), \(leaseSeconds))", as: [Record].self).map {
            OutboxMessage(
                id: $0.id, email: $0.email, tool: ToolSlug($0.tool), toolName: $0.toolName, attempt: $0.attempt,
                unsubscribeToken: $0.unsubscribeToken,
                change: ToolChange(seq: $0.change.seq, day: $0.change.day, items: $0.change.items.map(\.item)))
        }
    }

    /// The mail program accepted the message: it is never sent again.
    public func markSent(_ id: Int64) throws(StoreError) {
        _ = try run("SELECT claimdesk.notify_sent(\(id))")
    }

    /// The mail program refused the message: it is retried later, with backoff.
    public func markFailed(_ id: Int64, error: String) throws(StoreError) {
        _ = try run("SELECT claimdesk.notify_failed(\(id), \(String(error.prefix(500))))")
    }

    /// Subscriber and message counts per tool (admins and the notifier).
    public func notifyStatus() throws(StoreError) -> [NotifyToolStatus] {
        try call("SELECT claimdesk.notify_status()", as: [NotifyToolStatus].self)
    }
}
