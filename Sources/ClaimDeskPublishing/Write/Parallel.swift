import Dispatch
import Foundation

/// Runs independent per-tool work on every core and returns the results in input order, so the output does not
/// depend on thread scheduling.
enum Parallel {
    static func map<Result: Sendable>(
        count: Int, _ body: @Sendable (_ index: Int) throws -> Result
    ) throws -> [Result] {
        guard count > 0 else { return [] }
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunkSize = max(1, min(64, count / (workers * 4)))
        let chunks = (count + chunkSize - 1) / chunkSize
        let results = Locked<[Result?]>(Array(repeating: nil, count: count))
        let failure = Locked<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (chunk * chunkSize)..<min(count, (chunk + 1) * chunkSize)
            var local: [Result] = []
            local.reserveCapacity(range.count)
            for index in range {
                if failure.withLock({ $0 != nil }) { return }
                do {
                    local.append(try body(index))
                } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                    return
                }
            }
            results.withLock { slots in
                for (offset, value) in local.enumerated() { slots[range.lowerBound + offset] = value }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return try results.withLock { slots in
            try slots.map { slot in
                guard let slot else {
                    throw ExportError.writeFailed(path: "(internal)", reason: "a worker produced no result")
                }
                return slot
            }
        }
    }
}
