import ClaimDeskAuthoring
import ClaimDeskDomain
import ClaimDeskStore
import ClaimDeskTestSupport
import Foundation
import Testing

/// Each class of bad input gets a clear error naming the file, the line or path, the field and what is allowed;
/// every problem in the file is reported at once; and nothing is written.
@Suite("Import errors")
struct ImportErrorTests {
    static let tool = """
        tools:
        - slug: deepseek
          name: DeepSeek
          category: AI chat assistant
          url: https://www.deepseek.com
          tiers:
          - slug: consumer
            name: DeepSeek consumer app / web

        """

    static func claim(
        _ ref: String = "deepseek:training", verdict: String? = "trains_by_default", extra: String = "",
        citation: String = "https://cdn.deepseek.com/policies/en-US/deepseek-privacy-policy.html"
    ) -> String {
        """
        - ref: \(ref)
        \(verdict.map { "  verdict: \($0)\n" } ?? "")  headline: Yes, by default.
          confidence: medium
          verified: 2026-06-01
        \(extra)  citations:
          - url: \(citation)
            supports: Inputs may be used for training.
            dated: 2026-06-01

        """
    }

    /// Imports `text` as the admin-editor and returns the error, after checking that the database did not change.
    func refused(_ text: String, file: String = "deepseek.yaml", _ f: AuthoringFixture? = nil) throws -> AuthoringError
    {
        let f = try f ?? AuthoringFixture()
        let before = try f.db.snapshot()
        let error = try #require(throws: AuthoringError.self) {
            try f.importFile(Data(text: text), name: file, as: f.adminEditor)
        }
        #expect(try f.db.snapshot() == before)
        #expect(error.description.hasPrefix("\(file): \(error.problems.count) problem"))
        #expect(error.summary.hasSuffix("nothing was imported."))
        return error
    }

    func lines(_ error: AuthoringError) -> [String] { error.problems.map(\.description) }

    @Test("a verdict outside the topic's vocabulary names file, line, path, field and the allowed verdicts")
    func verdictOutsideVocabulary() throws {
        let text =
            Self.tool + "claims:\n" + Self.claim("deepseek:opt_out", verdict: "opt_out_available")
            + Self.claim("deepseek:retention", verdict: "open_ended") + Self.claim("deepseek:baa", verdict: "no_baa")
            + Self.claim(verdict: "yes")
        let error = try refused(text)
        #expect(
            lines(error) == [
                "deepseek.yaml:38: claims[3].verdict \"yes\" is not a verdict of topic training; expected one of "
                    + "trains_by_default, trains_unless_opt_out, opt_in_only, does_not_train, unclear"
            ])
        #expect(error.description.hasPrefix("deepseek.yaml: 1 problem; nothing was imported.\n"))
    }

    @Test("a verdict on a prose-only topic, and a missing verdict, are refused")
    func verdictPresenceFollowsTopic() throws {
        let text =
            Self.tool + "claims:\n" + Self.claim("deepseek:editorial_note", verdict: "unclear")
            + Self.claim(verdict: nil)
        let error = try refused(text)
        #expect(
            lines(error) == [
                "deepseek.yaml:11: claims[0].verdict must be left out: topic editorial_note takes no verdict, only prose",
                "deepseek.yaml:19: claims[1].verdict is missing; give a verdict of topic training: one of "
                    + "trains_by_default, trains_unless_opt_out, opt_in_only, does_not_train, unclear",
            ])
    }

    @Test("malformed YAML is reported with its line, and nothing is written")
    func malformedYAML() throws {
        let error = try refused(
            Self.tool + "claims:\n- ref: deepseek:training\n  headline: \"Yes, by default.\n  confidence: medium\n")
        #expect(error.problems.count == 1)
        let problem = try #require(error.problems.first)
        #expect(problem.line == 13)
        #expect(problem.message.hasPrefix("is not valid YAML: "))
        #expect(problem.message.contains("check the indentation and quoting around this line"))
        let indentation = try refused("claims:\n- ref: deepseek:training\n   headline: x\n  confidence: medium\n")
        #expect(
            indentation.problems.map(\.description) == [
                "deepseek.yaml:3: is not valid YAML: mapping values are not allowed in this context; check the "
                    + "indentation and quoting around this line"
            ])
    }

    @Test("malformed JSON is reported with its line")
    func malformedJSON() throws {
        let error = try refused(
            "{\n  \"claims\": [\n    {\"ref\": \"deepseek:training\",, }\n  ]\n}\n", file: "deepseek.json")
        #expect(
            lines(error) == [
                "deepseek.json:3: is not valid JSON: expected a key in double quotes, found ','"
            ])
        let unclosed = try refused("{\"claims\": [", file: "deepseek.json")
        #expect(lines(unclosed) == ["deepseek.json:1: is not valid JSON: expected a value, found the end of the file"])
    }

    @Test("a key repeated in one YAML mapping is reported")
    func repeatedYAMLKey() throws {
        let error = try refused(Self.tool + "claims:\n" + Self.claim(extra: "  headline: Again.\n"))
        #expect(error.problems.count == 1)
        #expect(error.problems.first?.message.contains("repeats the key \"headline\" in one mapping") == true)
        #expect(error.problems.first?.line != nil)
    }

    @Test("JSON: a key given twice in one object, and a broken escape, are reported with their lines")
    func jsonRepeatsAndEscapes() throws {
        let f = try AuthoringFixture()
        let repeated = try refused(
            """
            {"tools": [{"slug": "deepseek", "name": "DeepSeek", "category": "AI chat assistant",
                        "url": "https://www.deepseek.com", "name": "Deep Seek"}]}
            """, file: "deepseek.json", f)
        #expect(
            repeated.problems.map(\.description) == [
                "deepseek.json:2: tools[0].name is given twice (first on line 1); give each field once"
            ])
        let escape = try refused("{\"claims\": [\n{\"ref\": \"x\\u00zz\"}]}", file: "deepseek.json", f)
        #expect(
            escape.problems.map(\.description) == [
                "deepseek.json:2: is not valid JSON: a \\u escape needs four hexadecimal digits"
            ])
    }

    @Test("wrong types say what was expected and what was found")
    func wrongTypes() throws {
        let yaml = """
            tools:
              slug: deepseek
            claims:
            - ref: deepseek:training
              verdict: trains_by_default
              headline: [Yes, by default]
              confidence: medium
              verified: 2026-06-01
              citations: https://cdn.deepseek.com/policies/en-US/deepseek-privacy-policy.html
            - just text

            """
        let error = try refused(yaml)
        #expect(
            lines(error) == [
                "deepseek.yaml:2: tools must be a list of tools (lines starting with `- `), not a mapping (key: value pairs)",
                "deepseek.yaml:6: claims[0].headline must be text, not a list; give the short answer, e.g. \"Yes, by default.\"",
                "deepseek.yaml:9: claims[0].citations must be a list of citations (lines starting with `- `), not text",
                "deepseek.yaml:10: claims[1] must be a claim written as `key: value` lines (ref, verdict, headline, body, "
                    + "confidence, verified, verified_by, citations), not text",
            ])
        let json = """
            {"tools": [{"slug": "deepseek", "name": "DeepSeek", "category": "AI chat assistant",
                        "url": "https://www.deepseek.com"}],
             "claims": [{"ref": "deepseek:training", "verdict": "trains_by_default", "headline": 42,
                         "confidence": true, "verified": "2026-06-01", "citations": []}]}
            """
        let jsonError = try refused(json, file: "deepseek.json")
        #expect(
            lines(jsonError) == [
                "deepseek.json:3: claims[0].headline must be text in double quotes, not a number; give the short answer, e.g. \"Yes, by default.\"",
                "deepseek.json:4: claims[0].confidence must be text in double quotes, not true/false; give the confidence: one of low, medium, high",
            ])
    }

    @Test("unknown keys are typos: the error suggests the right one and lists the allowed fields")
    func unknownKeys() throws {
        let text =
            Self.tool.replacingOccurrences(of: "tools:", with: "tool:") + "claims:\n"
            + Self.claim().replacingOccurrences(of: "  headline:", with: "  headlin:")
        let error = try refused(text)
        #expect(
            lines(error) == [
                "deepseek.yaml:1: tool is not a field of an authoring file (did you mean tools?); allowed fields: tools, claims",
                "deepseek.yaml:10: claims[0].headline is missing; give the short answer, e.g. \"Yes, by default.\"",
                "deepseek.yaml:12: claims[0].headlin is not a field of a claim (did you mean headline?); allowed fields: "
                    + "ref, verdict, headline, body, confidence, verified, verified_by, citations",
            ])
    }

    @Test("missing required fields are each named, with what to give")
    func missingFields() throws {
        let text =
            Self.tool + """
                claims:
                - ref: deepseek:training
                  verdict: trains_by_default
                  headline: Yes.
                  verified:
                  citations:
                  - url: https://cdn.deepseek.com/policies/en-US/deepseek-privacy-policy.html

                """
        let error = try refused(text)
        #expect(
            lines(error) == [
                "deepseek.yaml:10: claims[0].confidence is missing; give the confidence: one of low, medium, high",
                "deepseek.yaml:13: claims[0].verified is empty; give the day it was checked as YYYY-MM-DD",
                "deepseek.yaml:15: claims[0].citations[0].supports is missing; give what the source supports, in one sentence",
                "deepseek.yaml:15: claims[0].citations[0].dated is missing; give the date of the source as cited as YYYY-MM-DD",
            ])
    }

    @Test("the same claim twice, the same tool twice and the same source twice in a claim are refused")
    func duplicates() throws {
        let text =
            Self.tool + Self.tool.replacingOccurrences(of: "tools:\n", with: "") + "claims:\n" + Self.claim()
            + Self.claim().replacingOccurrences(
                of: "  citations:\n",
                with: "  citations:\n  - url: https://cdn.deepseek.com/policies/en-US/deepseek-privacy-policy.html\n"
                    + "    supports: Again.\n    dated: 2026-06-01\n")
        let error = try refused(text)
        #expect(
            lines(error) == [
                "deepseek.yaml:9: tools[1].slug deepseek appears twice (first at tools[0], line 2); describe each tool once",
                "deepseek.yaml:26: claims[1].ref deepseek:training appears twice (first at claims[0], line 17); keep one entry per claim",
                "deepseek.yaml:35: claims[1].citations[1].url https://cdn.deepseek.com/policies/en-US/deepseek-privacy-policy.html "
                    + "is cited twice in this claim (first at citations[0], line 32); cite each source once",
            ])
    }

    @Test("impossible, malformed, future and ancient dates are refused")
    func badDates() throws {
        let tomorrow = Day.latestOnEarth().adding(days: 1)
        let text =
            Self.tool + "claims:\n"
            + Self.claim().replacingOccurrences(of: "  verified: 2026-06-01", with: "  verified: 2026-02-30")
            .replacingOccurrences(of: "    dated: 2026-06-01", with: "    dated: \(tomorrow)")
            + Self.claim("deepseek:opt_out", verdict: "opt_out_available")
            .replacingOccurrences(of: "  verified: 2026-06-01", with: "  verified: 2026-6-1")
            .replacingOccurrences(of: "    dated: 2026-06-01", with: "    dated: 1989-12-31")
        let error = try refused(text)
        #expect(
            lines(error) == [
                "deepseek.yaml:14: claims[0].verified \"2026-02-30\" is not a real date; write it as YYYY-MM-DD, e.g. 2026-06-01",
                "deepseek.yaml:18: claims[0].citations[0].dated \(tomorrow) is in the future (no place on Earth has reached it yet); "
                    + "give the day it was actually checked",
                "deepseek.yaml:23: claims[1].verified \"2026-6-1\" is not a real date; write it as YYYY-MM-DD, e.g. 2026-06-01",
                "deepseek.yaml:27: claims[1].citations[0].dated 1989-12-31 is implausibly old; give a date from 1990 on",
            ])
    }

    @Test("only http(s) URLs are accepted, for tools, citations and archived copies")
    func nonHTTPURLs() throws {
        let text =
            Self.tool.replacingOccurrences(of: "url: https://www.deepseek.com", with: "url: www.deepseek.com")
            + "claims:\n"
            + Self.claim(extra: "", citation: "ftp://cdn.deepseek.com/policy.html")
            + Self.claim("deepseek:opt_out", verdict: "opt_out_available", citation: "javascript:alert(1)")
            .replacingOccurrences(
                of: "    dated: 2026-06-01\n", with: "    dated: 2026-06-01\n    archived_url: file:///etc/passwd\n")
        let error = try refused(text)
        #expect(
            lines(error) == [
                "deepseek.yaml:5: tools[0].url \"www.deepseek.com\" is not an http:// or https:// address; give a full http:// or https:// address",
                "deepseek.yaml:16: claims[0].citations[0].url \"ftp://cdn.deepseek.com/policy.html\" is not an http:// or https:// address; "
                    + "give a full http:// or https:// address",
                "deepseek.yaml:25: claims[1].citations[0].url \"javascript:alert(1)\" is not an http:// or https:// address; give a full http:// or https:// address",
                "deepseek.yaml:28: claims[1].citations[0].archived_url \"file:///etc/passwd\" is not an http:// or https:// address; "
                    + "give a full http:// or https:// address",
            ])
    }

    @Test("an unknown topic, tool or tier in a ref is named, with a suggestion and what is known")
    func unknownReferences() throws {
        let text =
            Self.tool + "claims:\n" + Self.claim("deepseek:trainng") + Self.claim("deepsek:training")
            + Self.claim("deepseek/pro:training") + Self.claim("DeepSeek:training")
        var error = try refused(text)
        let malformed = error.problems.removeLast()
        #expect(
            malformed.description.hasPrefix(
                "deepseek.yaml:37: claims[3].ref \"DeepSeek:training\" has an invalid tool slug"))
        #expect(
            lines(error) == [
                "deepseek.yaml:10: claims[0].ref \"deepseek:trainng\" names the unknown topic trainng (did you mean training?); "
                    + "expected one of training, opt_out, zero_retention, retention, dpa, data_residency, editorial_note, baa, phi",
                "deepseek.yaml:19: claims[1].ref \"deepsek:training\" names the tool deepsek (did you mean deepseek?), which is "
                    + "neither in this file's tools nor in the database; add it under tools (an admin's import creates it) or fix the slug",
                "deepseek.yaml:28: claims[2].ref \"deepseek/pro:training\" names the plan tier deepseek/pro, which is neither "
                    + "listed under the tool's tiers in this file nor in the database (known tiers: consumer); add it under "
                    + "tools[].tiers or fix the slug",
            ])
    }

    @Test("tools and tiers already in the database need not be repeated in the file")
    func databaseToolsCount() throws {
        let f = try AuthoringFixture()
        try f.importFile(try AuthoringFixture.sample(), as: f.adminEditor)
        let report = try f.importFile(
            Data(text: "claims:\n" + Self.claim("deepseek/consumer:opt_out", verdict: "opt_out_available")),
            as: f.editor)
        #expect(report.claims.map(\.outcome) == [.created])
        let error = try refused("claims:\n" + Self.claim("deepseek/business:training"), f)
        #expect(error.problems.first?.message.contains("(known tiers: consumer)") == true)
    }

    @Test("binary files are refused before parsing: NUL bytes and invalid UTF-8")
    func binaryFiles() throws {
        let f = try AuthoringFixture()
        let before = try f.db.snapshot()
        func refusedData(_ data: Data, _ file: String) throws -> AuthoringError {
            try #require(throws: AuthoringError.self) { try f.importFile(data, name: file, as: f.adminEditor) }
        }
        let png = try refusedData(
            Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]), "logo.yaml")
        #expect(
            png.description
                == "logo.yaml: 1 problem; nothing was imported.\nlogo.yaml:3: contains NUL bytes: it looks like a binary file, not YAML or JSON text"
        )
        let latin1 = try refusedData(
            Data("claims:\n- ref: caf".utf8) + Data([0xE9]) + Data(":x\n".utf8), "deepseek.yaml")
        #expect(
            latin1.problems.map(\.description) == [
                "deepseek.yaml:2: is not UTF-8 text (byte 0xe9 at offset 18); save it as UTF-8"
            ])
        #expect(try f.db.snapshot() == before)
    }

    @Test("an escaped NUL (JSON \\u0000, YAML \\0), a control character or a bidi override is a FILE:LINE problem")
    func escapedControlCharacters() throws {
        let yaml = try refused(
            Self.tool + "claims:\n"
                + Self.claim().replacingOccurrences(
                    of: "headline: Yes, by default.", with: #"headline: "Yes\0 by default.""#)
        )
        #expect(
            lines(yaml) == [
                "deepseek.yaml:12: claims[0].headline character 4 is U+0000 (a control character), which is not "
                    + "allowed in ClaimDesk text; remove it"
            ])
        let json = try refused(
            #"{"tools": [{"slug": "deepseek", "name": "DeepSeek", "category": "AI chat", "url": "https://www.deepseek.com"}], "#
                + #""claims": [{"ref": "deepseek:training", "verdict": "trains_by_default", "headline": "Yes\u0000.","#
                + #""confidence": "medium", "verified": "2026-06-01", "citations": [{"url": "https://x.test/","#
                + "\n"
                + #""supports": "Says \u202Eso.", "dated": "2026-06-01"}]}]}"#,
            file: "deepseek.json")
        #expect(
            lines(json) == [
                "deepseek.json:1: claims[0].headline character 4 is U+0000 (a control character), which is not allowed "
                    + "in ClaimDesk text; remove it",
                "deepseek.json:2: claims[0].citations[0].supports character 6 is U+202E (right-to-left override), "
                    + "which is not allowed in ClaimDesk text; remove it",
            ])
        let body = try refused(
            Self.tool + "claims:\n"
                + Self.claim(extra: "  body: \"Line one.\\nLine two \\e[31m\"\n"))
        #expect(lines(body).count == 1)
        #expect(
            lines(body).first?.hasSuffix(
                "claims[0].body character 20 is U+001B (escape, a control character), which is not allowed in "
                    + "ClaimDesk text; remove it (only line breaks and tabs may appear besides printable text)") == true
        )
    }

    @Test("a URL the site would not link is refused with what is wrong, never echoing more than 80 characters")
    func urlRule() throws {
        let long = "https://example.com/" + String(repeating: "a", count: 3000)
        let error = try refused(
            Self.tool + "claims:\n" + Self.claim(citation: "https://user:pw@example.com/")
                + Self.claim("deepseek:opt_out", verdict: "opt_out_available", citation: long)
                + Self.claim("deepseek:retention", verdict: "open_ended", citation: "https://example.com/?q=<b>"))
        let problems = lines(error)
        #expect(problems.count == 3)
        #expect(
            problems[0].hasSuffix(
                "contains credentials (user:password@); give the address without user name or password"))
        #expect(!problems[0].contains("pw@"))
        #expect(problems[1].contains("is longer than 2,048 characters"))
        #expect(problems[1].count < 300)
        #expect(problems[2].contains(#"contains U+003C ("<") at character 24"#))
    }

    @Test("files over 5 MB are refused before parsing, from memory and from disk")
    func hugeFiles() throws {
        let f = try AuthoringFixture()
        let before = try f.db.snapshot()
        var big = Data(text: "claims:\n")
        big.append(Data(repeating: UInt8(ascii: "#"), count: AuthoringParser.maxBytes))
        let error = try #require(throws: AuthoringError.self) {
            try f.importFile(big, name: "big.yaml", as: f.adminEditor)
        }
        #expect(
            error.problems.map(\.description) == [
                "big.yaml: is 5.0 MB, larger than the 5.0 MB an import accepts; split it, e.g. one file per tool (claimdesk dump SLUG)"
            ])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "claimdesk-big-\(UUID().uuidString).yaml"
        ).path
        try big.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fromDisk = try #require(throws: AuthoringError.self) {
            try AuthoringParser(context: try f.context(try f.store(f.editor))).parse(fileAt: path)
        }
        #expect(fromDisk.problems.first?.message.hasPrefix("is 5.0 MB, larger than the 5.0 MB") == true)
        #expect(try f.db.snapshot() == before)
    }

    @Test("unknown extensions and empty files are clear errors")
    func extensionsAndEmptyFiles() throws {
        let f = try AuthoringFixture()
        let text = try refused("claims: []\n", file: "deepseek.txt", f)
        #expect(
            lines(text) == ["deepseek.txt: has an unknown extension; name it .yaml, .yml or .json after its format"])
        let empty = try refused("# nothing here\n", file: "deepseek.yml", f)
        #expect(
            lines(empty) == ["deepseek.yml: is empty; expected `tools:` and/or `claims:` (see samples/deepseek.yaml)"])
        let list = try refused("- deepseek\n", file: "deepseek.yaml", f)
        #expect(
            list.problems.first?.message.hasPrefix("must be an authoring file written as `key: value` lines") == true)
    }

    @Test("every problem in the file is reported, not just the first")
    func everyProblemReported() throws {
        let text =
            Self.tool + "claims:\n"
            + Self.claim(verdict: "yes").replacingOccurrences(of: "confidence: medium", with: "confidence: sure")
            + Self.claim("deepseek:opt_out", verdict: "opt_out_available", citation: "ftp://x.example/")
            .replacingOccurrences(of: "  verified: 2026-06-01", with: "  verified: 2026-02-30")
            + Self.claim("deepseek:retention", verdict: "open_ended").replacingOccurrences(
                of: "headline", with: "headlin")
        let error = try refused(text)
        #expect(error.summary == "deepseek.yaml: 6 problems; nothing was imported.")
        #expect(error.description.split(separator: "\n").count == 7)
        #expect(
            error.problems.map(\.location) == [
                "line 11, claims[0].verdict", "line 13, claims[0].confidence", "line 23, claims[1].verified",
                "line 25, claims[1].citations[0].url", "line 28, claims[2].headline", "line 30, claims[2].headlin",
            ])
    }
}
