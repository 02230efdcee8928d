/// What a work-folder output did with the files it was given.
struct OutputStats: Sendable {
    var written = 0
    var bytesWritten: Int64 = 0
    /// Carried over from the live export by hard link (or copy).
    var linked = 0
    /// Already correct in the work folder, so not touched.
    var kept = 0
    /// Paths written or linked, for flushing them to disk.
    var touched: [String] = []
}
