#if os(Linux)
    import CMalloc
#endif

/// How the process's allocator treats the export's large buffers.
///
/// glibc raises its mmap threshold each time a large block is freed, up to 32 MB, so after the first few pages the
/// export's megabyte-sized documents (tools.json, the index page, the manifest) came from the heap and were kept
/// after use: 10,000 tools peaked at 110 MB. A fixed 256 KiB threshold maps them and returns them on free (97 MB).
enum MallocPolicy {
    /// Applied once per process, before the first export.
    static let applied: Bool = {
        #if os(Linux)
            return mallopt(M_MMAP_THRESHOLD, 256 * 1024) == 1
        #else
            return false
        #endif
    }()
}
