/// A value the export writes with `JSONWriter`; its output must equal `JSONEncoder`'s for the same value.
protocol JSONWritable {
    func write(to json: inout JSONWriter)
}

extension JSONWriter {
    mutating func value(_ value: some JSONWritable) { value.write(to: &self) }

    mutating func array<Element: JSONWritable>(_ elements: [Element]) {
        beginArray()
        // Through the buffer: iterating, and even subscripting the array, copied each element (a dozen retains for a
        // claim) to write it.
        elements.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                self.element()
                buffer[index].write(to: &self)
            }
        }
        endArray()
    }

    mutating func strings(_ elements: [String]) {
        beginArray()
        for element in elements {
            self.element()
            string(element)
        }
        endArray()
    }

    /// Encodes `value` as a whole JSON document.
    static func document(_ value: some JSONWritable, capacity: Int = 16_384, pretty: Bool = true) -> [UInt8] {
        var writer = JSONWriter(capacity: capacity, pretty: pretty)
        value.write(to: &writer)
        return writer.finish()
    }
}
