import ClaimDeskDomain
import Foundation

@testable import ClaimDeskPublishing

/// Catalogues the tests build by hand: the topic vocabulary as the seed migration defines it, DeepSeek with the facts,
/// URLs and dates of the reference page (prose in our own words), and a clearly fictional second tool.
enum Fixtures {
    static func day(_ text: String) -> Day {
        guard let value = Day(text) else { preconditionFailure("bad fixture day \(text)") }
        return value
    }

    static func time(_ text: String) -> Date {
        guard let value = ISO8601DateFormatter().date(from: text) else {
            preconditionFailure("bad fixture time \(text)")
        }
        return value
    }

    static func ref(_ text: String) -> ClaimRef {
        guard let value = ClaimRef(text) else { preconditionFailure("bad fixture ref \(text)") }
        return value
    }

    static let config = SiteConfig(
        baseURL: "https://example.org", notifyURL: "https://example.org/notify?tool={tool}", asOf: day("2026-06-15"),
        siteTitle: "Does this AI train on your data?")

    // MARK: Vocabulary

    static let unclear = Verdict(key: VerdictKey("unclear"), label: "Unclear", tone: .neutral)

    static let topics: [Topic] = [
        Topic(
            key: TopicKey("training"), heading: "Does {tool} train its models on your data?",
            question: "Does {tool} train its models on your data?",
            faqQuestion: "Does {tool} train its AI models on my data?", faqAnswer: "{headline} {body}", section: .main,
            position: 10, badgePosition: 1,
            verdicts: [
                Verdict(key: VerdictKey("trains_by_default"), label: "Trains by default", tone: .bad),
                Verdict(key: VerdictKey("trains_unless_opt_out"), label: "Trains unless you opt out", tone: .bad),
                Verdict(key: VerdictKey("opt_in_only"), label: "Only if you opt in", tone: .good),
                Verdict(key: VerdictKey("does_not_train"), label: "Does not train on your data", tone: .good), unclear,
            ]),
        Topic(
            key: TopicKey("opt_out"), heading: "Can you opt out?", question: "Can you opt out of {tool} training?",
            faqQuestion: "Can I opt out of {tool} training on my data?", faqAnswer: "{body}", section: .main,
            position: 20, badgePosition: 3,
            verdicts: [
                Verdict(key: VerdictKey("opt_out_available"), label: "Opt-out available", tone: .good),
                Verdict(key: VerdictKey("no_opt_out"), label: "No opt-out", tone: .bad),
                Verdict(key: VerdictKey("not_needed"), label: "Nothing to opt out of", tone: .good), unclear,
            ]),
        Topic(
            key: TopicKey("zero_retention"), heading: "Zero retention / DPA",
            question: "Does {tool} offer zero data retention or a DPA?",
            faqQuestion: "Does {tool} offer zero data retention (ZDR) or a DPA?", faqAnswer: "{body}", section: .main,
            position: 30, badgePosition: 2,
            verdicts: [
                Verdict(key: VerdictKey("zdr_available"), label: "Zero-retention option", tone: .good),
                Verdict(key: VerdictKey("no_zdr"), label: "No zero-retention option", tone: .bad), unclear,
            ]),
        Topic(
            key: TopicKey("retention"), heading: "How long does {tool} keep your data?",
            question: "How long does {tool} keep your data?", faqQuestion: nil, faqAnswer: nil, section: .main,
            position: 40, badgePosition: nil,
            verdicts: [
                Verdict(key: VerdictKey("fixed_period"), label: "Fixed retention period", tone: .neutral),
                Verdict(key: VerdictKey("indefinite"), label: "Kept indefinitely", tone: .bad), unclear,
            ]),
        Topic(
            key: TopicKey("editorial_note"), heading: "What the listicles get wrong",
            question: "What do most write-ups about {tool} miss?", faqQuestion: nil, faqAnswer: nil,
            section: .editorial,
            position: 90, badgePosition: nil, verdicts: []),
        Topic(
            key: TopicKey("baa"), heading: "HIPAA Business Associate Agreement",
            question: "Will {tool} sign a BAA?", faqQuestion: "Is {tool} HIPAA compliant? Does it sign a BAA?",
            faqAnswer:
                "{label}. {body} Confirm a current BAA directly with {tool} before sending PHI — this is cited public information, not legal or compliance advice.",
            section: .hipaa, position: 10, badgePosition: 4,
            verdicts: [
                Verdict(key: VerdictKey("signs_baa"), label: "Signs a BAA", tone: .good),
                Verdict(key: VerdictKey("baa_enterprise_only"), label: "BAA on enterprise plans only", tone: .neutral),
                Verdict(key: VerdictKey("no_baa"), label: "No BAA", tone: .bad), unclear,
            ]),
        Topic(
            key: TopicKey("phi"), heading: "Can you put PHI in {tool}?", question: "Can you put PHI in {tool}?",
            faqQuestion: "Can I put PHI (protected health information) in {tool}?", faqAnswer: "{label}. {headline}",
            section: .hipaa, position: 20, badgePosition: 5,
            verdicts: [
                Verdict(key: VerdictKey("phi_ok_with_baa"), label: "PHI allowed under a BAA", tone: .neutral),
                Verdict(key: VerdictKey("no_phi"), label: "No PHI", tone: .bad), unclear,
            ]),
    ]

    // MARK: DeepSeek (facts, URLs and dates of the reference page)

    static let privacyPolicy = "https://cdn.deepseek.com/policies/en-US/deepseek-privacy-policy.html"
    static let termsOfUse = "https://cdn.deepseek.com/policies/en-US/deepseek-terms-of-use.html"
    static let hathr = "https://www.hathr.ai/blogs/deepseek-ai-is-dangerous-for-healthcare"
    static let verified = day("2026-06-01")

    static func claim(
        _ ref: String, _ verdict: String?, headline: String, body: String = "", confidence: Confidence = .medium,
        verifiedOn: Day = verified, seq: Int64, citations: [Citation]
    ) -> PublishedClaim {
        PublishedClaim(
            ref: Fixtures.ref(ref), verdict: verdict.map { VerdictKey($0) }, headline: headline, body: body,
            confidence: confidence, verifiedOn: verifiedOn, publishSeq: seq,
            publishedAt: time("2026-06-02T09:00:00Z").addingTimeInterval(Double(seq) * 60), citations: citations)
    }

    static let deepseek = PublishedTool(
        tool: Tool(
            slug: ToolSlug("deepseek"), name: "DeepSeek", category: "AI chat assistant",
            officialURL: "https://www.deepseek.com/"),
        tiers: [PlanTier(tool: ToolSlug("deepseek"), slug: TierSlug("consumer"), name: "DeepSeek consumer app / web")],
        claims: [
            claim(
                "deepseek:training", "trains_by_default",
                headline: "Yes — DeepSeek uses what you type to train its models unless you switch it off.",
                body:
                    "By default DeepSeek collects your prompts and uploads and may use them to train and improve its models. The data sits on servers in China. An opt-out switch exists now, but how long the data is kept has no fixed end.",
                seq: 1,
                citations: [
                    Citation(
                        url: privacyPolicy,
                        supports:
                            "DeepSeek stores and processes personal data in the People's Republic of China, may use inputs to train and optimise its models, and gives users a right to opt out of training use.",
                        dated: verified),
                    Citation(
                        url: termsOfUse,
                        supports:
                            "DeepSeek may use inputs and outputs to provide, develop and improve its services; turning off \"Improve the model for everyone\" opts you out.",
                        dated: verified),
                ]),
            claim(
                "deepseek:opt_out", "opt_out_available",
                headline: "Yes, in settings — but only for future chats.",
                body:
                    "Open the left sidebar, choose the three dots next to your name, then Settings → Data, and turn off \"Improve the model for everyone.\" The switch arrived after launch; the first release had none. It does not remove what was already collected: to keep earlier chats out of training you have to email privacy@deepseek.com and name the chats.",
                seq: 2,
                citations: [
                    Citation(
                        url: termsOfUse,
                        supports:
                            "DeepSeek may use inputs and outputs to provide, develop and improve its services; turning off \"Improve the model for everyone\" opts you out.",
                        dated: verified)
                ]),
            claim(
                "deepseek:zero_retention", "no_zdr", headline: "No — there is no zero-retention option.",
                body:
                    "DeepSeek offers no zero-data-retention mode. Personal data, including your inputs, is kept while your account exists and afterwards for legal and security reasons, with no published deletion schedule. Processing and storage happen in the People's Republic of China under Chinese law.",
                seq: 3,
                citations: [
                    Citation(
                        url: privacyPolicy,
                        supports:
                            "DeepSeek keeps personal data for as long as the account exists and longer where law or security requires, and stores it in the People's Republic of China.",
                        dated: verified)
                ]),
            claim(
                "deepseek:editorial_note", nil, headline: "Most round-ups miss where your data lives.",
                body:
                    "Where the data is stored matters more than the training switch: prompts are kept in China and fall under Chinese law whatever the toggle says. The opt-out was added in 2025 and is narrow — it covers model improvement only, deletes nothing already collected, and does not stop retention for security, legal or service reasons.",
                seq: 4,
                citations: [
                    Citation(
                        url: privacyPolicy,
                        supports:
                            "DeepSeek stores and processes personal data in the People's Republic of China, may use inputs to train and optimise its models, and gives users a right to opt out of training use.",
                        dated: verified)
                ]),
            claim(
                "deepseek/consumer:training", "trains_unless_opt_out",
                headline:
                    "Prompts and replies can be used to run and improve the service and to train foundation models unless you turn off \"Improve the model for everyone.\"",
                seq: 5,
                citations: [
                    Citation(
                        url: termsOfUse,
                        supports:
                            "DeepSeek may use inputs and outputs to provide, develop and improve its services; turning off \"Improve the model for everyone\" opts you out.",
                        dated: verified)
                ]),
            claim(
                "deepseek:baa", "no_baa", headline: "DeepSeek does not sign a BAA.",
                body:
                    "DeepSeek publishes no HIPAA Business Associate Agreement and has no HIPAA-eligible plan. Data is stored in the People's Republic of China, and the service makes no compliance or transparency commitments for healthcare use.",
                seq: 6,
                citations: [
                    Citation(
                        url: privacyPolicy,
                        supports:
                            "Personal data, inputs included, is stored and processed in the People's Republic of China; no HIPAA BAA or PHI handling is offered.",
                        dated: verified),
                    Citation(
                        url: hathr,
                        supports:
                            "DeepSeek lacks the transparency and security guarantees HIPAA-compliant software needs.",
                        dated: verified),
                ]),
            claim(
                "deepseek:phi", "no_phi",
                headline:
                    "Keep PHI out of DeepSeek — there is no BAA, the data is stored in China, and the service is not built for HIPAA.",
                seq: 7,
                citations: [
                    Citation(
                        url: hathr,
                        supports:
                            "DeepSeek lacks the transparency and security guarantees HIPAA-compliant software needs.",
                        dated: verified)
                ]),
        ],
        lastSeq: 7,
        changes: [
            ToolChange(
                seq: 6, day: verified,
                items: [
                    ToolChange.Item(
                        ref: ClaimRef(tool: ToolSlug("deepseek"), topic: TopicKey("training")), kind: .verdict,
                        oldLabel: "Trains unless you opt out", newLabel: "Trains by default",
                        oldHeadline: "Unless you opt out.", newHeadline: "Yes — by default."),
                    ToolChange.Item(
                        ref: ClaimRef(tool: ToolSlug("deepseek"), topic: TopicKey("dpa")), kind: .retracted,
                        oldLabel: "DPA available", oldHeadline: "A DPA is <b>available</b>.",
                        note: "The \"DPA\" link pointed at another vendor's terms & conditions."),
                ]),
            ToolChange(
                seq: 1, day: verified,
                items: [
                    ToolChange.Item(
                        ref: ClaimRef(tool: ToolSlug("deepseek"), topic: TopicKey("training")), kind: .new,
                        newLabel: "Trains unless you opt out", newHeadline: "Unless you opt out.")
                ]),
            ToolChange(
                seq: 7, day: verified,
                items: [
                    ToolChange.Item(
                        ref: ClaimRef(tool: ToolSlug("deepseek"), topic: TopicKey("phi")), kind: .reverified,
                        oldLabel: "Keep PHI out", newLabel: "Keep PHI out")
                ]),
        ])

    // MARK: A fictional second tool

    static let northwind = PublishedTool(
        tool: Tool(
            slug: ToolSlug("northwind-assistant"), name: "Northwind Assistant", category: "AI writing assistant",
            officialURL: "https://northwind.example/"),
        tiers: [
            PlanTier(tool: ToolSlug("northwind-assistant"), slug: TierSlug("free"), name: "Northwind Free"),
            PlanTier(tool: ToolSlug("northwind-assistant"), slug: TierSlug("enterprise"), name: "Northwind Enterprise"),
        ],
        claims: [
            claim(
                "northwind-assistant:training", "opt_in_only",
                headline: "Only if you join the research programme.",
                body: "Chats are not used for training by default.",
                confidence: .high, seq: 8,
                citations: [
                    Citation(
                        url: "https://northwind.example/privacy",
                        supports: "Training uses only opted-in conversations.",
                        dated: day("2026-05-20"), title: "Northwind privacy notice",
                        archivedURL: "https://web.archive.org/web/2026/https://northwind.example/privacy")
                ]),
            claim(
                "northwind-assistant:zero_retention", "zdr_available",
                headline: "Yes, on request for business plans.",
                body:
                    "Zero data retention is available to enterprise customers.\n\nA standard DPA is offered to all paid plans.",
                confidence: .low, verifiedOn: day("2025-10-01"), seq: 9,
                citations: [
                    Citation(
                        url: "https://northwind.example/dpa", supports: "A DPA is offered to paid plans.",
                        dated: day("2025-10-01"))
                ]),
            claim(
                "northwind-assistant/enterprise:training", "does_not_train",
                headline: "Enterprise workspaces are never used for training.", confidence: .high, seq: 10,
                citations: [
                    Citation(
                        url: "https://northwind.example/privacy",
                        supports: "Enterprise data is excluded from training.",
                        dated: day("2026-05-21"))
                ]),
            claim(
                "northwind-assistant/free:training", "opt_in_only",
                headline: "Free accounts are only used for training if you opt in.", confidence: .high, seq: 11,
                citations: [
                    Citation(
                        url: "https://northwind.example/privacy",
                        supports: "Training uses only opted-in conversations.",
                        dated: day("2026-05-20"))
                ]),
            claim(
                "northwind-assistant:baa", "baa_enterprise_only", headline: "Enterprise only.",
                body: "Northwind signs a BAA with enterprise customers.", confidence: .high, seq: 12,
                citations: [
                    Citation(
                        url: "https://northwind.example/hipaa", supports: "BAAs are available on the enterprise plan.",
                        dated: day("2026-05-22"))
                ]),
        ],
        lastSeq: 13)

    static let changes: [ChangeEvent] =
        (deepseek.claims + northwind.claims).map {
            ChangeEvent(
                seq: $0.publishSeq, kind: .published, ref: $0.ref,
                toolName: $0.ref.tool.rawValue == "deepseek" ? "DeepSeek" : "Northwind Assistant",
                at: $0.publishedAt, summary: $0.headline)
        } + [
            ChangeEvent(
                seq: 13, kind: .retracted, ref: ref("northwind-assistant:retention"), toolName: "Northwind Assistant",
                at: time("2026-06-03T10:00:00Z"), summary: "The retention page we cited was withdrawn.")
        ]

    static let catalog = PublishedCatalog(topics: topics, tools: [northwind, deepseek], changes: changes, seq: 13)

    /// A fictional tool with a given slug, for tests that add or remove tools.
    static func extraTool(_ slug: String, name: String, seq: Int64, claims: Bool = true) -> PublishedTool {
        PublishedTool(
            tool: Tool(
                slug: ToolSlug(slug), name: name, category: "AI test tool", officialURL: "https://\(slug).example/"),
            tiers: [],
            claims: claims
                ? [
                    claim(
                        "\(slug):training", "does_not_train", headline: "\(name) does not train on your data.",
                        confidence: .high, seq: seq,
                        citations: [
                            Citation(url: "https://\(slug).example/privacy", supports: "No training.", dated: verified)
                        ])
                ] : [],
            lastSeq: seq)
    }
}
