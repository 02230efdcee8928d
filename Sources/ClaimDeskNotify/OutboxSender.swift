import ClaimDeskDomain
import ClaimDeskStore
import Foundation

/// Delivers the outbox: leases due messages, hands each to the mail program, and marks it sent (never sent again)
/// or failed (retried later with backoff). A crash between lease and mark loses nothing: the lease runs out and the
/// message goes again with the same Message-ID (at-least-once).
public struct OutboxSender: Sendable {
    public let composer: MailComposer
    public let sendmail: Sendmail
    /// How many messages one lease takes.
    public var batchSize: Int

    public init(composer: MailComposer, sendmail: Sendmail, batchSize: Int = 100) {
        self.composer = composer
        self.sendmail = sendmail
        self.batchSize = batchSize
    }

    /// What one run delivered.
    public struct Report: Sendable, Hashable, Codable {
        public var sent: Int = 0
        public var failed: Int = 0
        /// The first failure's message (no address in it), for the operator.
        public var firstError: String?

        public init() {}

        mutating func add(_ other: Report) {
            sent += other.sent
            failed += other.failed
            firstError = firstError ?? other.firstError
        }
    }

    /// Sends every due message with `store`, batch after batch, until the outbox has nothing due.
    public func sendDue(with store: Store) throws(StoreError) -> Report {
        var report = Report()
        while true {
            let batch = try store.claimOutbox(limit: batchSize)
            if batch.isEmpty { return report }
            for message in batch {
                let mail = composer.notification(message)
                do {
                    try sendmail.send(mail.text(from: composer.settings.from, date: Date()))
                    try store.markSent(message.id)
                    report.sent += 1
                } catch let error as StoreError {
                    throw error
                } catch {
                    let text = String(describing: error)
                    try store.markFailed(message.id, error: text)
                    report.failed += 1
                    report.firstError = report.firstError ?? text
                }
            }
            // Failed messages are not due again until their backoff passes, so the loop ends.
        }
    }

    /// Sends with `workers` connections in parallel (each its own Store, as libpq wants one connection per thread).
    public func sendDue(workers: Int, connect: @escaping @Sendable () throws -> Store) throws -> Report {
        let count = max(1, workers)
        let results = ResultBox(count: count)
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            Thread {
                defer { group.leave() }
                results.set(
                    index,
                    Result { () throws -> Report in
                        let store = try connect()
                        defer { store.connection.close() }
                        return try sendDue(with: store)
                    })
            }.start()
        }
        group.wait()
        var total = Report()
        for result in results.all() { total.add(try result.get()) }
        return total
    }
}

private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<OutboxSender.Report, any Error>]

    init(count: Int) {
        results = Array(repeating: .success(OutboxSender.Report()), count: count)
    }

    func set(_ index: Int, _ result: Result<OutboxSender.Report, any Error>) {
        lock.withLock { results[index] = result }
    }

    func all() -> [Result<OutboxSender.Report, any Error>] { lock.withLock { results } }
}
