import Foundation

/// What one fetch of a URL gave: a body, "not modified", or the reason there is none.
struct FetchResult: Sendable {
    enum Kind: Sendable {
        case body, notModified, httpError, timeout, networkError, tooManyRedirects, tooLarge
    }

    var kind: Kind
    var status: Int?
    var finalURL: String?
    var contentType: String?
    var etag: String?
    var lastModified: String?
    var body: [UInt8] = []
    var detail: String?
}
