import Foundation
import Logging

/// Collects the server NOTICEs of one connection: LibPQ hands them to its logger, so a logger that keeps
/// them is how the suite sees what a leaky function printed.
final class NoticeCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []

    var logger: Logger {
        var logger = Logger(label: "ClaimDeskSecurityTests.notices") { _ in NoticeCaptureHandler(capture: self) }
        logger.logLevel = .trace
        return logger
    }

    func append(_ message: String) {
        lock.withLock { messages.append(message) }
    }

    /// Returns and forgets what arrived so far.
    func drain() -> [String] {
        lock.withLock {
            defer { messages.removeAll() }
            return messages
        }
    }
}

struct NoticeCaptureHandler: LogHandler {
    let capture: NoticeCapture
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        capture.append(event.message.description)
    }
}
