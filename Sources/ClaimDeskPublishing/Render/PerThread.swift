#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A value each rendering thread keeps its own copy of.
///
/// Swift counts references atomically: when both cores walk the same template tree, every retain and release of a
/// node bounces its cache line between them. Rendering on two threads cost 20 % more CPU than on one until each
/// thread walked its own copy.
final class PerThread<Value>: @unchecked Sendable {
    private let make: @Sendable () -> Value
    private let copies = Locked<[UInt: Value]>([:])

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    /// This thread's copy, made on first use.
    var value: Value {
        let thread = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(bitPattern: UInt(pthread_self()))))
        if let value = copies.withLock({ $0[thread] }) { return value }
        let value = make()
        copies.withLock { $0[thread] = value }
        return value
    }
}
