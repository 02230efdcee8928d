import ClaimDeskNotify
import Foundation
import Logging
import ServiceLifecycle

/// Delivers the outbox in the background every `interval` seconds, until graceful shutdown.
struct DeliveryService: Service {
    let pool: StorePool
    let sender: OutboxSender
    let interval: TimeInterval
    let logger: Logger

    func run() async throws {
        guard interval > 0 else {
            // A service that returns ends the whole group: with delivery off, just wait for shutdown.
            try? await gracefulShutdown()
            return
        }
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let sender = self.sender
                    let report = try await pool.with { try sender.sendDue(with: $0) }
                    if report.sent > 0 || report.failed > 0 {
                        logger.info("delivered \(report.sent) message(s), \(report.failed) failed")
                    }
                } catch {
                    logger.error("delivery failed: \(error)")
                }
                try? await Task.sleep(for: .milliseconds(Int64(interval * 1000)))
            }
        }
    }
}
