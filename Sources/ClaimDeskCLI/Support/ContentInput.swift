import ClaimDeskDomain
import ClaimDeskStore

/// The content flags shared by `claim draft` and `claim edit`, checked and turned into a `ClaimContent`.
struct ContentInput {
    var ref: String
    var verdict: String?
    var headline: String?
    var body: String?
    var bodyFile: String?
    var confidence: Confidence?
    var verified: String?
    var verifiedBy: String?

    var isEmpty: Bool {
        verdict == nil && headline == nil && body == nil && bodyFile == nil && confidence == nil && verified == nil
            && verifiedBy == nil
    }

    /// Checks every value; reads `--body-file` only when `readingFile` (so `validate()` stays free of I/O).
    func content(readingFile: Bool) throws -> (ref: ClaimRef, content: ClaimContent) {
        let ref = try Input.ref(ref)
        if body != nil, bodyFile != nil {
            throw UsageError("\(ref): give --body or --body-file, not both")
        }
        var content = ClaimContent()
        if let verdict { content.verdict = try Input.verdict(verdict, item: "\(ref) --verdict") }
        if let headline {
            try Input.text(headline, item: "\(ref) --headline", maxLength: 500)
            content.headline = headline
        }
        if let body {
            try Input.body(body, item: "\(ref) --body")
            content.body = body
        } else if let bodyFile, readingFile {
            var text = try Input.readFile(bodyFile, item: "\(ref) --body-file")
            while text.last?.isNewline == true { text.removeLast() }
            try Input.body(text, item: "\(ref) --body-file \(bodyFile)")
            content.body = text
        }
        content.confidence = confidence
        if let verified { content.verifiedOn = try Input.day(verified, item: "\(ref) --verified") }
        if let verifiedBy {
            try Input.text(verifiedBy, item: "\(ref) --verified-by", maxLength: 200)
            content.verifiedBy = verifiedBy
        }
        return (ref, content)
    }
}
