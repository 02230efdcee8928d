import Testing

@testable import ClaimDeskWatch

@Suite("Text extraction")
struct ExtractionTests {
    @Test("scripts, styles and markup are dropped; blocks become lines; whitespace collapses")
    func html() {
        let page = """
            <!doctype html><html><head><title>T</title><style>p{color:red}</style></head>
            <body><script>var x = "<p>no</p>";</script>
            <h1>Privacy   Policy</h1><p>We <b>train</b>
            on&nbsp;your inputs.</p><ul><li>One</li><li>Two</li></ul><noscript>enable js</noscript></body></html>
            """
        let text = HTMLText.extract(Array(page.utf8), encoding: "UTF-8")
        #expect(text == "Privacy Policy\nWe train on your inputs.\nOne\nTwo")
    }

    @Test("broken markup still parses (libxml2 recovers), and deep nesting does not crash")
    func broken() {
        let page = "<p>Open <div>inner <span>text</p> tail" + String(repeating: "<div>", count: 5000) + "deep"
        let text = HTMLText.extract(Array(page.utf8), encoding: "UTF-8")
        #expect(text.contains("Open"))
        #expect(text.contains("inner text"))
    }

    @Test("non-HTML answers are not comparable; plain text is normalised; invalid UTF-8 is replaced, not fatal")
    func contentTypes() {
        #expect(
            SourceDocument.extract(Array("%PDF-1.4".utf8), contentType: "application/pdf")
                == .notComparable("content type application/pdf is not HTML or plain text"))
        #expect(
            SourceDocument.extract(Array("  a \n\n b  ".utf8), contentType: "text/plain; charset=utf-8")
                == .text("a\nb", note: nil))
        let invalid: [UInt8] = Array("<p>caf".utf8) + [0xC3, 0x28, 0xFF] + Array("</p>".utf8)
        guard case .text(let text, let note) = SourceDocument.extract(invalid, contentType: "text/html; charset=utf-8")
        else {
            Issue.record("invalid UTF-8 should still give text")
            return
        }
        #expect(text.hasPrefix("caf"))
        #expect(note == "invalid UTF-8 replaced")
    }

    @Test("footer copyright years and tracking parameters do not change the hash; words do")
    func comparable() {
        let a = "Terms\nSee https://x.example/p?utm_source=a&id=3\n© 2024 Vendor Inc. All rights reserved."
        let b = "Terms\nSee https://x.example/p?id=3&utm_medium=b\n© 2025 Vendor Inc. All rights reserved."
        let c = "Terms changed\nSee https://x.example/p?id=3\n© 2025 Vendor Inc. All rights reserved."
        #expect(ComparableText.sha256(a) != ComparableText.sha256(c))
        #expect(
            ComparableText.form(a) == "Terms\nSee https://x.example/p?id=3\n© YEAR Vendor Inc. All rights reserved.")
        #expect(ComparableText.sha256(a) == ComparableText.sha256(b))
        #expect(ComparableText.sha256(a).count == 64)
    }

    @Test("the unified diff shows removed and added lines with context")
    func diff() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh"
        let new = "a\nb\nc\nD\ne\nf\ng\nh\ni"
        let diff = UnifiedDiff.render(old: old, new: new, oldLabel: "old", newLabel: "new")
        #expect(diff == "--- old\n+++ new\n@@ -1,8 +1,9 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n h\n+i\n")
        #expect(UnifiedDiff.render(old: old, new: old, oldLabel: "old", newLabel: "new") == "")
    }
}
