/// Fills `{name}` placeholders in one pass, so a value that itself contains `{tool}` is never filled a second time.
enum PlaceholderText {
    static func fill(_ template: String, _ values: [String: String]) -> String {
        let utf8 = template.utf8
        guard let firstOpen = utf8.firstIndex(of: UInt8(ascii: "{")) else { return template }
        var result = String(template[..<firstOpen])
        result.reserveCapacity(utf8.count + 64)
        var cursor = firstOpen
        while cursor < utf8.endIndex {
            guard let open = utf8[cursor...].firstIndex(of: UInt8(ascii: "{")) else {
                result += template[cursor...]
                break
            }
            result += template[cursor..<open]
            let afterOpen = utf8.index(after: open)
            if let close = utf8[afterOpen...].firstIndex(of: UInt8(ascii: "}")),
                let value = values[String(template[afterOpen..<close])]
            {
                result += value
                cursor = utf8.index(after: close)
            } else {
                result += "{"
                cursor = afterOpen
            }
        }
        return result
    }
}
