import Dispatch

/// Work started on a background thread whose result is waited for where it is needed.
final class Pending<Value: Sendable>: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let slot = Locked<Value?>(nil)

    init(_ work: @escaping @Sendable () -> Value) {
        let done = self.done
        let slot = self.slot
        DispatchQueue.global(qos: .userInitiated).async {
            let value = work()
            slot.withLock { $0 = value }
            done.signal()
        }
    }

    /// Waits for the work (only until it is done) and returns its result.
    func value() -> Value {
        while true {
            if let value = slot.withLock({ $0 }) { return value }
            done.wait()
            // Passed on, so any other waiter wakes too.
            done.signal()
        }
    }
}
