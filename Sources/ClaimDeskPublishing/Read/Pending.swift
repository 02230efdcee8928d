import Dispatch
import Foundation

/// Work started on a background thread whose result is waited for where it is needed.
final class Pending<Value: Sendable>: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let slot = Locked<Value?>(nil)

    /// Starts `work` on the shared pool, or with `ownThread` on a thread of its own: the pool's few threads may all be
    /// busy with work whose result is waited for beside this one's.
    init(ownThread: Bool = false, _ work: @escaping @Sendable () -> Value) {
        let done = self.done
        let slot = self.slot
        let run: @Sendable () -> Void = {
            let value = work()
            slot.withLock { $0 = value }
            done.signal()
        }
        guard ownThread else {
            DispatchQueue.global(qos: .userInitiated).async(execute: run)
            return
        }
        let thread = Thread(block: run)
        thread.stackSize = 1 << 20
        thread.start()
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
