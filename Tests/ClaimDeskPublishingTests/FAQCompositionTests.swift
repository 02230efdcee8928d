import ClaimDeskDomain
import Testing

@testable import ClaimDeskPublishing

/// The derived "Is X safe to use with confidential data?" answer must answer that question for each tier.
@Suite struct FAQCompositionTests {
    static func claim(headline: String, label: String?) -> PageClaim {
        PageClaim(
            ref: ClaimRef("quillmate/teams:training")
                ?? ClaimRef(tool: ToolSlug("quillmate"), topic: TopicKey("training")),
            topic: TopicKey("training"), heading: "Training", question: "Does Quillmate train on your data?",
            verdict: label.map { PageVerdict(key: VerdictKey("does_not_train"), label: $0, tone: .good) },
            headline: headline, body: "", confidence: .high, verifiedOn: Day.today(), stale: false, citations: [])
    }

    @Test("a bare yes/no headline is replaced by the verdict's label: never \"Quillmate Teams: No.\"")
    func bareHeadline() {
        let answer = ToolPageBuilder.tierAnswer(Self.claim(headline: "No.", label: "Does not train on your data"))
        #expect(answer == "Does not train on your data.")
        #expect(!answer.contains("No."))
    }

    @Test("a headline that says more follows the label as its detail")
    func detailedHeadline() {
        let answer = ToolPageBuilder.tierAnswer(
            Self.claim(headline: "Team workspaces are never used for training", label: "Does not train on your data"))
        #expect(answer == "Does not train on your data. Team workspaces are never used for training.")
    }

    @Test("a prose-only claim (no verdict) keeps its headline")
    func noVerdict() {
        #expect(ToolPageBuilder.tierAnswer(Self.claim(headline: "See the contract", label: nil)) == "See the contract.")
    }

    @Test("words and sentence ends are counted on bytes only where that gives what counting characters gives")
    func byteCountingAgreesWithCharacters() {
        let texts = [
            "", " ", "No.", "Yes", "a b c", "  two  words ", "a\r\n", "x\r", "Ends with ?", "Quoted\"", "(Aside)",
            "Done…", "Closing ”", "space then accent \u{301}", "\u{600}.", "é.", "A sentence é", "tab\tseparated words",
            "e\u{301} e\u{301} e\u{301} e\u{301}", " \u{301} \u{301} \u{301} x",
        ]
        for text in texts {
            #expect(
                ToolPageBuilder.wordCount(text) == text.split(whereSeparator: { $0 == " " }).count,
                "\(text.debugDescription)")
            let expected = text.last.map { ".!?…\"”)".contains($0) ? text : text + "." } ?? text
            #expect(ToolPageBuilder.sentence(text) == expected, "\(text.debugDescription)")
        }
    }

    @Test("tidying collapses runs of spaces and trims the ends; on ASCII bytes exactly as by characters")
    func tidyCollapsesAndTrims() {
        let expected = [
            "": "", " ": "", "Clean sentence.": "Clean sentence.", "Two  spaces": "Two spaces",
            "  leading and trailing  ": "leading and trailing", "\tTabbed\n": "Tabbed",
            "Many     spaces     here.": "Many spaces here.", "Line\r\n  next": "Line\r\n next", "x": "x",
            // Non-ASCII goes by characters: a space carrying a combining accent is not a space to collapse.
            "a \u{301}  b": "a \u{301} b", "Café  au lait ": "Café au lait", " é": "é",
        ]
        for (text, tidied) in expected {
            #expect(ToolPageBuilder.tidy(text) == tidied, "\(text.debugDescription)")
            #expect(ToolPageBuilder.tidyByCharacters(text) == tidied, "\(text.debugDescription)")
        }
    }
}
