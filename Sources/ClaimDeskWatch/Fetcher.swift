import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Fetches one URL at a time with Foundation's URLSession (a maintained client): conditional requests, a total
/// timeout, at most `maxRedirects` redirects and at most `maxBytes` read. Every failure is a `FetchResult`, never a
/// thrown error, so one bad source never stops a run.
final class Fetcher {
    let policy: FetchPolicy
    private let session: URLSession
    private let delegate: FetchDelegate

    init(policy: FetchPolicy) {
        self.policy = policy
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = policy.timeout
        configuration.timeoutIntervalForResource = policy.timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpMaximumConnectionsPerHost = 1
        configuration.httpAdditionalHeaders = ["User-Agent": policy.userAgent]
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        delegate = FetchDelegate(
            maxBytes: policy.maxBytes, maxRedirects: policy.maxRedirects,
            allowPrivateAddresses: policy.allowPrivateAddresses)
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: queue)
    }

    deinit { session.invalidateAndCancel() }

    /// Fetches `url`, sending the validators of the last snapshot so an unchanged page can answer 304.
    func fetch(_ url: URL, etag: String?, lastModified: String?) -> FetchResult {
        if !policy.allowPrivateAddresses, let host = url.host, let address = AddressGuard.nonPublicAddress(of: host) {
            var result = FetchResult(kind: .networkError)
            result.detail = Fetcher.privateAddressDetail(host: host, address: address)
            return result
        }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: policy.timeout)
        request.setValue(policy.userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("text/html, application/xhtml+xml, text/plain;q=0.9, */*;q=0.1", forHTTPHeaderField: "Accept")
        if let etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let lastModified { request.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since") }
        let task = session.dataTask(with: request)
        delegate.reset(for: task.taskIdentifier)
        task.resume()
        // The session's own timeout should end the task; this bound holds even if a callback never comes.
        guard let state = delegate.wait(seconds: policy.timeout + 2) else {
            task.cancel()
            _ = delegate.wait(seconds: 2)
            var result = FetchResult(kind: .timeout)
            result.detail = "no complete answer within the timeout"
            return result
        }
        return Self.result(of: state, maxBytes: policy.maxBytes, maxRedirects: policy.maxRedirects)
    }

    static func privateAddressDetail(host: String, address: String) -> String {
        "not fetched: \(host.prefix(100)) is a non-public address (\(address)); sources check "
            + "--allow-private-addresses fetches intranet sources"
    }

    static func result(of state: FetchDelegate.State, maxBytes: Int, maxRedirects: Int) -> FetchResult {
        let response = state.response
        var result = FetchResult(
            kind: .body, status: response?.statusCode, finalURL: response?.url?.absoluteString,
            contentType: response?.value(forHTTPHeaderField: "Content-Type"),
            etag: response?.value(forHTTPHeaderField: "ETag"),
            lastModified: response?.value(forHTTPHeaderField: "Last-Modified"))
        if let blocked = state.blockedRedirect {
            result.kind = .networkError
            result.detail = blocked
            return result
        }
        if state.tooManyRedirects {
            result.kind = .tooManyRedirects
            result.detail =
                state.redirects > maxRedirects
                ? "more than \(maxRedirects) redirects" : "a redirect to an address that is not http(s)"
            return result
        }
        if state.tooLarge {
            result.kind = .tooLarge
            result.detail = "larger than \(maxBytes) bytes"
            return result
        }
        if let error = state.error {
            let code = (error as? URLError)?.code
            switch code {
            case .timedOut?:
                result.kind = .timeout
                result.detail = "no complete answer within the timeout"
            case .httpTooManyRedirects?, .redirectToNonExistentLocation?:
                result.kind = .tooManyRedirects
                result.detail = "the redirects do not end"
            default:
                result.kind = .networkError
                result.detail = String(error.localizedDescription.prefix(200))
            }
            return result
        }
        guard let response else {
            result.kind = .networkError
            result.detail = "no HTTP response"
            return result
        }
        switch response.statusCode {
        case 304:
            result.kind = .notModified
        case 300..<400:
            result.kind = .tooManyRedirects
            result.detail = "a redirect without a usable Location"
        case 400...:
            result.kind = .httpError
            result.detail = "HTTP \(response.statusCode)"
        default:
            result.body = state.data
        }
        return result
    }
}

/// Collects one task's answer; callbacks arrive on the session's serial queue, the caller waits on `done`.
final class FetchDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    struct State {
        var data: [UInt8] = []
        var response: HTTPURLResponse?
        var error: (any Error)?
        var redirects = 0
        var tooManyRedirects = false
        var tooLarge = false
        /// Why a redirect was refused because of where it led (a non-public address).
        var blockedRedirect: String?
    }

    private let lock = NSLock()
    private var state = State()
    private let done = DispatchSemaphore(value: 0)
    let maxBytes: Int
    let maxRedirects: Int
    let allowPrivateAddresses: Bool

    init(maxBytes: Int, maxRedirects: Int, allowPrivateAddresses: Bool) {
        self.maxBytes = maxBytes
        self.maxRedirects = maxRedirects
        self.allowPrivateAddresses = allowPrivateAddresses
    }

    /// Only the current task's callbacks count: a cancelled task's late completion must not end the next wait.
    private var current = -1

    func reset(for task: Int) {
        lock.withLock {
            state = State()
            current = task
        }
    }

    private func isCurrent(_ task: URLSessionTask) -> Bool { lock.withLock { task.taskIdentifier == current } }

    /// The task's answer, or nil when it did not complete in time.
    func wait(seconds: Double) -> State? {
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return lock.withLock { state }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        guard isCurrent(task) else { return completionHandler(nil) }
        // Only http(s) redirects are followed: a cited page must not send the watcher to file:// or other schemes.
        let scheme = request.url?.scheme?.lowercased()
        var blocked: String?
        if !allowPrivateAddresses, let host = request.url?.host, let address = AddressGuard.nonPublicAddress(of: host) {
            blocked = Fetcher.privateAddressDetail(host: host, address: address)
        }
        let follow: Bool = lock.withLock {
            if let blocked {
                state.blockedRedirect = blocked
                state.tooManyRedirects = true
            }
            state.redirects += 1
            if state.redirects > maxRedirects || (scheme != "http" && scheme != "https") {
                state.tooManyRedirects = true
            }
            return !state.tooManyRedirects
        }
        completionHandler(follow ? request : nil)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        guard isCurrent(dataTask) else { return completionHandler(.cancel) }
        let tooLarge: Bool = lock.withLock {
            state.response = response as? HTTPURLResponse
            if response.expectedContentLength > Int64(maxBytes) { state.tooLarge = true }
            return state.tooLarge
        }
        completionHandler(tooLarge ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard isCurrent(dataTask) else { return }
        let tooLarge: Bool = lock.withLock {
            guard !state.tooLarge else { return true }
            state.data.append(contentsOf: data)
            if state.data.count > maxBytes {
                state.tooLarge = true
                state.data = []
            }
            return state.tooLarge
        }
        if tooLarge { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard isCurrent(task) else { return }
        lock.withLock { state.error = error }
        done.signal()
    }
}
