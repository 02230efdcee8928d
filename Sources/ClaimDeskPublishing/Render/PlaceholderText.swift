/// Fills `{name}` placeholders in one pass, so a value that itself contains `{tool}` is never filled a second time.
enum PlaceholderText {
    /// Works on the template's bytes and compares names in place: every page fills a dozen templates, and making a
    /// dictionary and a string per placeholder cost more than the rest of the FAQ.
    static func fill(_ template: String, _ values: KeyValuePairs<String, String>) -> String {
        return template.withUTF8Bytes { text -> String? in
            let open = UInt8(ascii: "{")
            let close = UInt8(ascii: "}")
            guard let firstOpen = text.firstIndex(of: open) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(text.count + 64)
            result.append(contentsOf: UnsafeBufferPointer(rebasing: text[..<firstOpen]))
            var cursor = firstOpen
            while cursor < text.count {
                guard let openIndex = text[cursor...].firstIndex(of: open) else {
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: text[cursor...]))
                    break
                }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: text[cursor..<openIndex]))
                let name = openIndex + 1
                if let closeIndex = text[name...].firstIndex(of: close),
                    let value = Self.value(named: UnsafeBufferPointer(rebasing: text[name..<closeIndex]), in: values)
                {
                    result.append(contentsOf: value.utf8)
                    cursor = closeIndex + 1
                } else {
                    result.append(open)
                    cursor = name
                }
            }
            return String(decoding: result, as: UTF8.self)
        } ?? template
    }

    private static func value(named name: UnsafeBufferPointer<UInt8>, in values: KeyValuePairs<String, String>)
        -> String?
    {
        for (key, value) in values where key.utf8.elementsEqual(name) { return value }
        return nil
    }
}
