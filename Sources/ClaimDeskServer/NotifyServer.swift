import ClaimDeskNotify
import ClaimDeskPublishing
import ClaimDeskStore
import Foundation
import Hummingbird
import Logging
import NIOCore

/// `claimdesk serve`: the reader-facing notification service. One more client of the Store; its HTTP server and the
/// background delivery run as services of one group that shuts down gracefully on SIGTERM or SIGINT.
public enum NotifyServer {
    /// The application, ready to run or to test in process.
    public static func application(
        settings: ServerSettings, pool: StorePool, logger: Logger = Logger(label: "claimdesk.serve"),
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let pages = Pages(renderer: try NoticeRenderer())
        let composer = MailComposer(settings: settings.mail)
        let router = Router(context: ServerContext.self)
        router.middlewares.add(SecurityHeaders(pages: pages))
        NotifyRoutes(pool: pool, settings: settings, pages: pages, composer: composer).register(on: router)
        let delivery = DeliveryService(
            pool: pool, sender: OutboxSender(composer: composer, sendmail: settings.sendmail),
            interval: settings.deliveryInterval, logger: logger)
        return Application(
            router: router,
            // Connections idle for 30 seconds are closed: a slow client cannot hold the server.
            server: .http1(configuration: .init(idleTimeout: .seconds(30))),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
            services: [delivery],
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? settings.port) },
            logger: logger)
    }

    /// Runs until SIGTERM or SIGINT; blocks the calling thread (the CLI has no event loop of its own).
    public static func runBlocking(
        settings: ServerSettings, connect: @escaping @Sendable () throws -> Store,
        onRunning: @escaping @Sendable (Int) async -> Void
    ) throws {
        let pool = StorePool(size: settings.poolSize, connect: connect)
        defer { pool.close() }
        var logger = Logger(label: "claimdesk.serve")
        logger.logLevel = .notice
        let app = try application(settings: settings, pool: pool, logger: logger, onRunning: onRunning)
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do {
                try await app.runService()
            } catch {
                failure.set(error)
            }
            done.signal()
        }
        done.wait()
        if let error = failure.get() { throw error }
    }
}

private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?
    func set(_ value: any Error) { lock.withLock { error = value } }
    func get() -> (any Error)? { lock.withLock { error } }
}
