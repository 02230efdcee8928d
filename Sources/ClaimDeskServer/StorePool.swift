import ClaimDeskStore
import Foundation

/// A few database connections for the server's requests. libpq calls block, so they run on threads of their own,
/// never on the server's event loops; at most `size` run at once, the rest wait their turn.
public final class StorePool: @unchecked Sendable {
    private let connect: @Sendable () throws -> Store
    private let lock = NSLock()
    private var idle: [Store] = []
    private let slots: DispatchSemaphore
    private let queue = DispatchQueue(label: "claimdesk.serve.store", attributes: .concurrent)

    public init(size: Int, connect: @escaping @Sendable () throws -> Store) {
        self.connect = connect
        self.slots = DispatchSemaphore(value: max(1, size))
    }

    /// Runs `body` with a connection, off the event loop. A connection whose call failed for reasons other than the
    /// request's own is closed rather than reused.
    public func with<T: Sendable>(_ body: @escaping @Sendable (Store) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                self.slots.wait()
                defer { self.slots.signal() }
                let store: Store
                do {
                    store = try self.lock.withLock { self.idle.popLast() } ?? self.connect()
                } catch {
                    continuation.resume(throwing: error)
                    return
                }
                do {
                    let value = try body(store)
                    self.lock.withLock { self.idle.append(store) }
                    continuation.resume(returning: value)
                } catch let error as StoreError {
                    if [.connection, .database].contains(error.kind) && error.sqlState != Store.rateLimitedState {
                        store.connection.close()
                    } else {
                        self.lock.withLock { self.idle.append(store) }
                    }
                    continuation.resume(throwing: error)
                } catch {
                    store.connection.close()
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Runs blocking work that needs no connection (the mail program) on the same threads.
    public func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }

    public func close() {
        lock.withLock {
            for store in idle { store.connection.close() }
            idle.removeAll()
        }
    }
}
