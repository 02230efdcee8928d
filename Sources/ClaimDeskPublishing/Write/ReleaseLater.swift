import Dispatch

/// Frees large values on a background thread once their owner is done with them: tearing down the previous export's
/// manifests and tool index (hundreds of thousands of strings at 10,000 tools) took an incremental export 40 ms at
/// its very end, after its work was done.
enum ReleaseLater {
    /// Keeps `value` alive until shortly after the caller returns, so the last reference (and the freeing) falls to a
    /// background thread; a process that exits first skips the freeing altogether.
    static func hand(_ value: some Sendable) {
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + .milliseconds(5)) {
            withExtendedLifetime(value) {}
        }
    }
}
