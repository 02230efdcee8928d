import ClaimDeskDomain
import ClaimDeskStore
import Foundation

/// Checks cited sources: for each URL (hosts taken in turn, one request at a time, `hostDelay` between two requests
/// to one host) take the URL's lock, fetch, extract the text, and record the check. A URL another run holds is
/// skipped; a URL that fails is reported and the run goes on.
public final class SourceChecker {
    let store: Store
    let fetcher: Fetcher
    let policy: FetchPolicy
    private var lastRequest: [String: Date] = [:]

    public init(store: Store, policy: FetchPolicy) {
        self.store = store
        self.policy = policy
        self.fetcher = Fetcher(policy: policy)
    }

    /// Checks every URL cited by a live or open revision (of `tool`, or only `url`); `progress` hears of each.
    public func run(tool: ToolSlug? = nil, url: String? = nil, progress: (SourceCheckResult) -> Void = { _ in })
        throws(StoreError) -> [SourceCheckResult]
    {
        let targets = Self.interleavedByHost(try store.sourceTargets(tool: tool, url: url))
        var results: [SourceCheckResult] = []
        for target in targets {
            let result = check(target)
            progress(result)
            results.append(result)
        }
        return results
    }

    /// Takes hosts in turn (a, b, a, b, …) so the per-host delay overlaps with work on other hosts.
    static func interleavedByHost(_ targets: [Store.SourceTarget]) -> [Store.SourceTarget] {
        var byHost: [String: [Store.SourceTarget]] = [:]
        var hosts: [String] = []
        for target in targets {
            let host = URLComponents(string: target.url)?.host?.lowercased() ?? ""
            if byHost[host] == nil { hosts.append(host) }
            byHost[host, default: []].append(target)
        }
        var result: [Store.SourceTarget] = []
        var round = 0
        while result.count < targets.count {
            for host in hosts where round < byHost[host, default: []].count {
                result.append(byHost[host, default: []][round])
            }
            round += 1
        }
        return result
    }

    func check(_ target: Store.SourceTarget) -> SourceCheckResult {
        var result = SourceCheckResult(url: target.url, outcome: "skipped", states: [:])
        do {
            guard try store.tryLockSource(target.url) else {
                result.detail = "another check of this URL is running"
                return result
            }
            defer { _ = try? store.unlockSource(target.url) }
            let check = fetchAndJudge(target)
            let recorded = try store.recordSourceCheck(check)
            result.outcome = recorded.outcome.rawValue
            result.httpStatus = check.httpStatus
            result.detail = check.detail
            result.states = recorded.states
        } catch {
            result.outcome = "error"
            result.error = String(error.description.prefix(300))
        }
        return result
    }

    /// Fetches the URL and turns the answer into a check to record.
    func fetchAndJudge(_ target: Store.SourceTarget) -> Store.SourceCheck {
        guard let url = URL(string: target.url), let host = url.host?.lowercased() else {
            return Store.SourceCheck(url: target.url, outcome: .networkError, detail: "not a URL that can be fetched")
        }
        if let last = lastRequest[host] {
            let wait = policy.hostDelay - Date().timeIntervalSince(last)
            if wait > 0 { Thread.sleep(forTimeInterval: wait) }
        }
        let fetched = fetcher.fetch(url, etag: target.etag, lastModified: target.lastModified)
        lastRequest[host] = Date()
        var check = Store.SourceCheck(
            url: target.url, outcome: .networkError, httpStatus: fetched.status,
            finalURL: fetched.finalURL.map(ComparableText.withoutTracking), contentType: fetched.contentType,
            etag: fetched.etag, lastModified: fetched.lastModified, detail: fetched.detail)
        switch fetched.kind {
        case .body:
            switch SourceDocument.extract(fetched.body, contentType: fetched.contentType) {
            case .text(let text, let note):
                check.outcome = .newText
                check.text = text
                check.sha256 = ComparableText.sha256(text)
                check.detail = note
            case .notComparable(let reason):
                check.outcome = .notComparable
                check.detail = reason
            }
        case .notModified: check.outcome = .notModified
        case .httpError: check.outcome = .httpError
        case .timeout: check.outcome = .timeout
        case .networkError: check.outcome = .networkError
        case .tooManyRedirects: check.outcome = .tooManyRedirects
        case .tooLarge: check.outcome = .tooLarge
        }
        return check
    }
}
