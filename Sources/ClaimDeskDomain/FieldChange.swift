/// One field that differs between the live revision and the open one.
public struct FieldChange: Hashable, Sendable, Codable {
    public var field: String
    public var live: String?
    public var open: String?

    public init(field: String, live: String?, open: String?) {
        self.field = field
        self.live = live
        self.open = open
    }
}
