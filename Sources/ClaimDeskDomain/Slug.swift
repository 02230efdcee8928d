/// The shape of slugs, kept identical to the database's CHECK constraints so early errors match late ones.
public enum Slug {
    /// Lowercase ASCII letters, digits and inner hyphens (underscores for topics and verdicts), 1–64 characters.
    public static func isValid(_ text: String, allowUnderscore: Bool = false) -> Bool {
        guard (1...64).contains(text.count), let first = text.first, first.isASCII, first.isLetter || first.isNumber,
            text.last != "-"
        else { return false }
        return text.unicodeScalars.allSatisfy { s in
            ("a"..."z").contains(s) || ("0"..."9").contains(s) || s == "-" || (allowUnderscore && s == "_")
        }
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
