/// The shape of slugs, kept identical to the database's CHECK constraints so early errors match late ones.
public enum Slug {
    /// Lowercase ASCII letters, digits and inner hyphens (underscores for topics and verdicts), 1–64 characters,
    /// beginning and ending with a letter or digit: `^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$`. Read as bytes: the export
    /// checks every reference of the change log (300,000 at 10,000 tools).
    public static func isValid(_ text: String, allowUnderscore: Bool = false) -> Bool {
        var text = text
        return text.withUTF8 { isValid($0, allowUnderscore: allowUnderscore) }
    }

    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>, allowUnderscore: Bool) -> Bool {
        guard (1...64).contains(bytes.count), isEnd(bytes[0]), isEnd(bytes[bytes.count - 1]) else { return false }
        for byte in bytes where !isEnd(byte) {
            guard byte == UInt8(ascii: "-") || (allowUnderscore && byte == UInt8(ascii: "_")) else { return false }
        }
        return true
    }

    private static func isEnd(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    public static func check(_ text: String, kind: String, in whole: String, allowUnderscore: Bool = false)
        throws(ValidationError)
    {
        guard isValid(text, allowUnderscore: allowUnderscore) else {
            throw ValidationError(
                item: whole, problem: text.isEmpty ? "is missing the \(kind)" : "has an invalid \(kind) \"\(text)\"",
                fix:
                    "use lowercase letters, digits and hyphens\(allowUnderscore ? " or underscores" : ""), 1-64 characters, as in deepseek/consumer:training"
            )
        }
    }
}
