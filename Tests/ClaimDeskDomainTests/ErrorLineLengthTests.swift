import ClaimDeskDomain
import Testing

/// However long the input, an error stays one readable line: what the user typed is echoed only in part.
@Suite("Error lines stay short")
struct ErrorLineLengthTests {
    static let huge = String(repeating: "x", count: 5_000)

    @Test("a huge claim reference, date or item is cut in the message")
    func hugeInputs() {
        let reference = #expect(throws: ValidationError.self) { try ClaimRef.parse(Self.huge) }
        let date = #expect(throws: ValidationError.self) { try Validation.parseDay(Self.huge, item: "verified date") }
        let slug = #expect(throws: ValidationError.self) { try ClaimRef.parse("a:" + Self.huge + "!") }
        for error in [reference, date, slug] {
            let line = error.map(\.description) ?? ""
            #expect(!line.isEmpty && line.count < 500 && !line.contains("\n"), "\(line.prefix(120))")
            #expect(line.contains("…"))
        }
    }
}
