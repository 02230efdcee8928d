import Foundation

/// The checks every file passes before any parser sees it: not too large, not binary, valid UTF-8.
/// Parsers are not fed megabytes of garbage, and the message says what the file is instead of a parser's confusion.
enum SourceText {
    static func decode(_ data: Data, file: String, maxBytes: Int) -> Result<String, SingleProblem> {
        if data.count > maxBytes {
            return .failure(SingleProblem(Problem(file: file, message: tooLarge(data.count, limit: maxBytes))))
        }
        if let nul = data.firstIndex(of: 0) {
            return .failure(
                SingleProblem(
                    file: file, line: line(of: nul, in: data),
                    message: "contains NUL bytes: it looks like a binary file, not YAML or JSON text"))
        }
        guard var text = String(validating: data, as: UTF8.self) else {
            let offset = firstInvalidUTF8(data) ?? 0
            let byte = offset < data.count ? data[data.startIndex + offset] : 0
            return .failure(
                SingleProblem(
                    file: file, line: line(of: data.startIndex + offset, in: data),
                    message: "is not UTF-8 text (byte 0x\(String(byte, radix: 16)) at offset \(offset)); "
                        + "save it as UTF-8"))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return .success(text)
    }

    static func tooLarge(_ count: Int, limit: Int) -> String {
        "is \(megabytes(count)), larger than the \(megabytes(limit)) an import accepts; "
            + "split it, e.g. one file per tool (claimdesk dump SLUG)"
    }

    private static func megabytes(_ count: Int) -> String {
        String(format: "%.1f MB", Double(count) / 1_048_576)
    }

    private static func line(of index: Data.Index, in data: Data) -> Int {
        data[data.startIndex..<index].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    }

    /// The offset of the first byte that does not belong to a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ data: Data) -> Int? {
        let bytes = [UInt8](data)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            guard i + length <= bytes.count else { return i }
            for k in 1..<max(1, length) where bytes[i + k] & 0xC0 != 0x80 { return i }
            if length > 1, String(validating: bytes[i..<i + length], as: UTF8.self) == nil { return i }
            i += length
        }
        return nil
    }
}
