/// The two file formats an authoring file may be written in, chosen by the file's extension.
public enum SourceFormat: String, Sendable, CaseIterable {
    case yaml, json

    /// `.yaml`/`.yml` or `.json`, case-insensitively; nil for anything else.
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") {
            self = .yaml
        } else if lower.hasSuffix(".json") {
            self = .json
        } else {
            return nil
        }
    }
}
