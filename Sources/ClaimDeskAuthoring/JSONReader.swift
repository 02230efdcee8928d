/// A small strict JSON parser (RFC 8259) that keeps line numbers, which Foundation's JSONSerialization does not,
/// and keeps repeated keys so they can be reported instead of silently overwritten.
struct JSONReader {
    /// Deeper nesting than this is refused rather than risking the stack.
    static let maxDepth = 128

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var depth = 0

    private struct Failure: Error {
        var line: Int
        var message: String
    }

    private init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// The file's value, nil for an empty file, or the problem that stopped parsing.
    static func read(_ text: String, file: String) -> Result<SourceNode?, SingleProblem> {
        var reader = JSONReader(text)
        do {
            reader.skipWhitespace()
            if reader.index == reader.bytes.count { return .success(nil) }
            let value = try reader.value()
            reader.skipWhitespace()
            if reader.index < reader.bytes.count {
                throw Failure(line: reader.line, message: "has more text after the end of the JSON value")
            }
            return .success(value)
        } catch let failure as Failure {
            return .failure(
                SingleProblem(Problem(file: file, line: failure.line, message: "is not valid JSON: \(failure.message)"))
            )
        } catch {
            return .failure(SingleProblem(Problem(file: file, message: "is not valid JSON: \(error)")))
        }
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let byte = current {
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                index += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            default:
                return
            }
        }
    }

    private func describe(_ byte: UInt8?) -> String {
        guard let byte else { return "the end of the file" }
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "a byte 0x\(String(byte, radix: 16))"
    }

    private mutating func value() throws -> SourceNode {
        skipWhitespace()
        let start = line
        switch current {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .scalar(SourceScalar(text: try string(), kind: .text, line: start))
        case UInt8(ascii: "t"):
            try literal("true")
            return .scalar(SourceScalar(text: "true", kind: .bool, line: start))
        case UInt8(ascii: "f"):
            try literal("false")
            return .scalar(SourceScalar(text: "false", kind: .bool, line: start))
        case UInt8(ascii: "n"):
            try literal("null")
            return .scalar(SourceScalar(text: "", kind: .null, line: start))
        case let byte? where byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte):
            return .scalar(SourceScalar(text: try number(), kind: .number, line: start))
        default:
            throw Failure(line: line, message: "expected a value, found \(describe(current))")
        }
    }

    private mutating func enter() throws {
        depth += 1
        if depth > JSONReader.maxDepth {
            throw Failure(line: line, message: "nests deeper than \(JSONReader.maxDepth) levels")
        }
    }

    private mutating func object() throws -> SourceNode {
        try enter()
        defer { depth -= 1 }
        let start = line
        index += 1
        var entries: [SourceEntry] = []
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            return .mapping(entries, line: start)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else {
                throw Failure(line: line, message: "expected a key in double quotes, found \(describe(current))")
            }
            let keyLine = line
            let key = try string()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else {
                throw Failure(line: line, message: "expected ':' after the key \"\(key)\", found \(describe(current))")
            }
            index += 1
            entries.append(SourceEntry(key: key, keyLine: keyLine, value: try value()))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return .mapping(entries, line: start)
            default:
                throw Failure(line: line, message: "expected ',' or '}' after a value, found \(describe(current))")
            }
        }
    }

    private mutating func array() throws -> SourceNode {
        try enter()
        defer { depth -= 1 }
        let start = line
        index += 1
        var items: [SourceNode] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            return .sequence(items, line: start)
        }
        while true {
            items.append(try value())
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return .sequence(items, line: start)
            default:
                throw Failure(line: line, message: "expected ',' or ']' after a value, found \(describe(current))")
            }
        }
    }

    private mutating func literal(_ word: String) throws {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw Failure(line: line, message: "expected a value, found \(describe(current))")
        }
        index += expected.count
    }

    private mutating func number() throws -> String {
        let start = index
        func digits() -> Int {
            let from = index
            while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
            return index - from
        }
        if current == UInt8(ascii: "-") { index += 1 }
        if current == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            throw Failure(line: line, message: "expected digits in a number, found \(describe(current))")
        }
        if current == UInt8(ascii: ".") {
            index += 1
            if digits() == 0 { throw Failure(line: line, message: "expected digits after '.' in a number") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            if digits() == 0 { throw Failure(line: line, message: "expected digits in a number's exponent") }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func string() throws -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var run: [UInt8] = []
        func flush() {
            if !run.isEmpty {
                scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
                run.removeAll(keepingCapacity: true)
            }
        }
        while true {
            guard let byte = current else {
                throw Failure(line: line, message: "a string is not closed with '\"' before the end of the file")
            }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                flush()
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush()
                index += 1
                scalars.append(try escape())
            case 0x00..<0x20:
                throw Failure(
                    line: line, message: "a string contains a raw control character (a line break?); write it as \\n")
            default:
                run.append(byte)
                index += 1
            }
        }
    }

    private mutating func escape() throws -> Unicode.Scalar {
        guard let byte = current else { throw Failure(line: line, message: "a string ends in the middle of an escape") }
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try hex4()
            if (0xD800..<0xDC00).contains(high) {
                guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u")
                else {
                    throw Failure(line: line, message: "a \\u escape is half of a surrogate pair")
                }
                index += 2
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low),
                    let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                else { throw Failure(line: line, message: "a \\u escape is half of a surrogate pair") }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high) else {
                throw Failure(line: line, message: "a \\u escape is half of a surrogate pair")
            }
            return scalar
        default:
            throw Failure(line: line, message: "a string has an unknown escape \\\(Character(Unicode.Scalar(byte)))")
        }
    }

    private mutating func hex4() throws -> UInt32 {
        let isHex: (UInt8) -> Bool = { b in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(b)
                || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(b)
        }
        guard index + 4 <= bytes.count, bytes[index..<index + 4].allSatisfy(isHex),
            let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { throw Failure(line: line, message: "a \\u escape needs four hexadecimal digits") }
        index += 4
        return value
    }
}
