/// The byte buffers one rendering thread writes its tool pages and feeds into, kept from page to page.
///
/// A page's JSON and HTML are 64–76 KB each: allocated afresh for every page, each such block made glibc consolidate
/// the thread's free small blocks first, and the JSON outgrew its first block and was copied. Reused, they are
/// allocated once per thread.
final class ToolPageBuffers {
    var json: [UInt8] = []
    var html: [UInt8] = []
    var feed: [UInt8] = []

    init() {
        json.reserveCapacity(128 * 1024)
        html.reserveCapacity(128 * 1024)
        feed.reserveCapacity(32 * 1024)
    }
}
