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

    /// Waits for the work (only the first call waits) and returns its result.
    func value() throws(ExportError) -> Value {
        if let value = slot.withLock({ $0 }) { return value }
        done.wait()
        guard let value = slot.withLock({ $0 }) else {
            throw ExportError.writeFailed(path: "(export)", reason: "a background read gave no result")
        }
        return value
    }
}
