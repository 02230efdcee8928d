/// What `claimdesk sources check` did with one URL.
public struct SourceCheckResult: Hashable, Sendable, Codable {
    public var url: String
    /// The outcome as recorded (`new_text`, `unchanged`, `not_modified`, `http_error`, `timeout`, `network_error`,
    /// `too_many_redirects`, `too_large`, `not_comparable`), or `skipped` when another run held the URL.
    public var outcome: String
    public var httpStatus: Int?
    public var detail: String?
    /// The states of the URL's citations after this check, counted by state.
    public var states: [String: Int]
    /// The error that kept this URL's check from being recorded, if any; the other URLs are still checked.
    public var error: String?

    enum CodingKeys: String, CodingKey {
        case url, outcome, detail, states, error
        case httpStatus = "http_status"
    }
}
