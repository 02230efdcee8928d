import Testing

@testable import LibPQ

@Suite("Reading PostgreSQL's binary COPY stream")
struct CopyReaderTests {
    static let header: [UInt8] = CopyReader.signature + [0, 0, 0, 0] + [0, 0, 0, 0]

    static func int16(_ value: Int16) -> [UInt8] { withUnsafeBytes(of: value.bigEndian) { Array($0) } }
    static func int32(_ value: Int32) -> [UInt8] { withUnsafeBytes(of: value.bigEndian) { Array($0) } }
    static func row(_ fields: [[UInt8]?]) -> [UInt8] {
        int16(Int16(fields.count))
            + fields.flatMap { field in field.map { int32(Int32($0.count)) + $0 } ?? int32(-1) }
    }

    /// Feeds `messages` to a reader; the rows' fields as byte arrays (nil for NULL).
    static func read(_ messages: [[UInt8]], columns: Int) throws -> (rows: [[[UInt8]?]], finished: Bool) {
        var reader = CopyReader(columns: columns)
        var rows: [[[UInt8]?]] = []
        for message in messages {
            try message.withUnsafeBufferPointer { bytes in
                try reader.read(bytes) { base, fields in
                    rows.append(
                        fields.map { field in
                            field.length < 0
                                ? nil
                                : Array(UnsafeBufferPointer(start: base + Int(field.offset), count: Int(field.length)))
                        })
                }
            }
        }
        return (rows, reader.finished)
    }

    @Test("rows in one message each or all in one, NULLs and empty values, a header extension, the trailer")
    func wellFormed() throws {
        let first = Self.row([[0x61], nil, []])
        let second = Self.row([[0xC3, 0xA9], [0x62], nil])
        let trailer = Self.int16(-1)
        let expected: [[[UInt8]?]] = [[[0x61], nil, []], [[0xC3, 0xA9], [0x62], nil]]

        let apart = try Self.read([Self.header + first, second, trailer], columns: 3)
        #expect(apart.rows == expected)
        #expect(apart.finished)

        let together = try Self.read([Self.header + first + second + trailer], columns: 3)
        #expect(together.rows == expected)
        #expect(together.finished)

        let extended = CopyReader.signature + [0, 0, 0, 0] + Self.int32(3) + [9, 9, 9]
        let withExtension = try Self.read([extended + first, trailer], columns: 3)
        #expect(withExtension.rows == [expected[0]])

        let unfinished = try Self.read([Self.header + first], columns: 3)
        #expect(!unfinished.finished)
    }

    @Test("malformed input is an error, never a read past the message")
    func malformed() {
        let first = Self.row([[0x61]])
        let cases: [(String, [[UInt8]])] = [
            ("no signature", [Array("PGCOPY\n".utf8) + [0, 0, 0, 0] + Self.int32(0) + Self.int32(0) + first]),
            ("short header", [Array(Self.header.prefix(12))]),
            ("extension past the message", [CopyReader.signature + [0, 0, 0, 0] + Self.int32(100) + first]),
            ("negative extension", [CopyReader.signature + [0, 0, 0, 0] + Self.int32(-5) + first]),
            ("wrong column count", [Self.header + Self.row([[0x61], [0x62]])]),
            ("field past the row", [Self.header + Self.int16(1) + Self.int32(10) + [0x61]]),
            ("length below -1", [Self.header + Self.int16(1) + Self.int32(-2)]),
            ("cut in a length", [Self.header + Self.int16(1) + [0, 0]]),
            ("cut in a count", [Self.header + [0]]),
            ("data after the trailer", [Self.header + first + Self.int16(-1), first]),
        ]
        for (name, messages) in cases {
            #expect(throws: CopyReader.Malformed.self, "\(name)") { try Self.read(messages, columns: 1) }
        }
    }
}
