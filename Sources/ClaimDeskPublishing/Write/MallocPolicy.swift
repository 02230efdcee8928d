#if os(Linux)
    import CMalloc
#endif

/// How the process's allocator treats the export's large buffers.
///
/// glibc raises its mmap threshold each time a large block is freed, up to 32 MB, so after the first few pages the
/// export's megabyte-sized documents (tools.json, the index page, the manifest) came from the heap and were kept
/// after use: 10,000 tools peaked at 110 MB. A fixed 256 KiB threshold maps them and returns them on free (97 MB).
///
/// The trim threshold works the other way round: by default a rendering thread's arena gave the top of its heap back
/// to the kernel (`madvise`) whenever more than 128 KiB was free there — after nearly every page — and faulted the same
/// pages in again for the next one, each time with a TLB shootdown across cores: a third of the export's system time.
/// The arenas' high-water marks are what they were, so peak RSS does not change; only the churn stops.
enum MallocPolicy {
    /// Applied once per process, before the first export.
    static let applied: Bool = {
        #if os(Linux)
            return mallopt(M_MMAP_THRESHOLD, 256 * 1024) == 1 && mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024) == 1
        #else
            return false
        #endif
    }()
}
