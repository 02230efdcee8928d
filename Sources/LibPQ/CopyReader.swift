/// Splits PostgreSQL's binary COPY stream into rows: a 19-byte header (and any extension) before the first row,
/// then per row a 16-bit field count and, per field, a 32-bit length (-1 for NULL) and that many bytes; a count
/// of -1 ends it. libpq gives one message per row; nothing here relies on that.
struct CopyReader {
    struct Malformed: Error {
        var reason: String
    }

    static let signature: [UInt8] = Array("PGCOPY\n".utf8) + [0xFF, 0x0D, 0x0A, 0x00]

    let columns: Int
    private(set) var finished = false
    private var headerRead = false
    private var fields: [(offset: Int32, length: Int32)]

    init(columns: Int) {
        self.columns = columns
        fields = Array(repeating: (0, 0), count: columns)
    }

    mutating func read(
        _ bytes: UnsafeBufferPointer<UInt8>,
        row: (UnsafePointer<UInt8>, UnsafeBufferPointer<(offset: Int32, length: Int32)>) throws -> Void
    ) throws {
        guard let base = bytes.baseAddress else { return }
        var at = 0
        func int16() throws(Malformed) -> Int {
            guard at + 2 <= bytes.count else { throw Malformed(reason: "A COPY row ends in its field count.") }
            let value = UnsafeRawPointer(base + at).loadUnaligned(as: Int16.self).bigEndian
            at += 2
            return Int(value)
        }
        func int32() throws(Malformed) -> Int {
            guard at + 4 <= bytes.count else { throw Malformed(reason: "A COPY row ends in a field's length.") }
            let value = UnsafeRawPointer(base + at).loadUnaligned(as: Int32.self).bigEndian
            at += 4
            return Int(value)
        }
        if !headerRead {
            guard bytes.count >= 19, Self.signature.indices.allSatisfy({ bytes[$0] == Self.signature[$0] }) else {
                throw Malformed(reason: "The COPY data does not start with PostgreSQL's binary signature.")
            }
            at = 15
            let extensionLength = try int32()
            guard extensionLength >= 0, at + extensionLength <= bytes.count else {
                throw Malformed(reason: "The COPY header's extension runs past its message.")
            }
            at += extensionLength
            headerRead = true
        }
        while at < bytes.count {
            guard !finished else { throw Malformed(reason: "The COPY sent data after its trailer.") }
            let count = try int16()
            if count == -1 {
                finished = true
                continue
            }
            guard count == columns else {
                throw Malformed(reason: "The COPY sent a row of \(count) columns; \(columns) were expected.")
            }
            // Written through one pointer per row: through the array, each field paid a uniqueness check.
            try fields.withUnsafeMutableBufferPointer { slots in
                for index in 0..<count {
                    let length = try int32()
                    guard length >= -1, length <= bytes.count - at else {
                        throw Malformed(reason: "A COPY field's length (\(length)) runs past its row.")
                    }
                    slots[index] = (Int32(at), Int32(length))
                    if length > 0 { at += length }
                }
                try row(base, UnsafeBufferPointer(slots))
            }
        }
    }
}
