/// The site's standing wording that mentions the tool, as templates with `{tool}`.
///
/// It lives in configuration rather than in the Mustache templates because it is part of the page model (and of the
/// JSON API), not just of the HTML. The defaults are the wording of the live site.
public struct SiteCopy: Hashable, Sendable, Codable {
    public var pageTitle: String
    public var hipaaHeading: String
    public var hipaaDisclaimer: String
    public var termsChange: String
    public var generalDisclaimer: String
    public var notifyHeading: String
    public var notifyText: String
    public var notifyFineprint: String
    /// The FAQ question derived from plan-tier claims.
    public var tierFAQQuestion: String
    public var tierFAQIntro: String
    public var tierFAQOutro: String

    public init(
        pageTitle: String = "Does {tool} train on your data?",
        hipaaHeading: String = "Is {tool} HIPAA compliant? Does it sign a BAA?",
        hipaaDisclaimer: String =
            "HIPAA terms and plan tiers change — confirm a current BAA directly with {tool} before sending PHI. "
            + "This is not legal or compliance advice.",
        termsChange: String = "Terms change — confirm directly with {tool} before sending confidential data.",
        generalDisclaimer: String =
            "This page is cited public information, not legal or compliance advice. Whether {tool} trains on your "
            + "data, and any zero-retention or DPA option, can depend on your specific plan, region and contract. "
            + "Always confirm current terms with {tool} before sending confidential or proprietary data.",
        notifyHeading: String = "Get notified when this changes",
        notifyText: String =
            "We track {tool}'s data-training and retention policy. Leave your email and we'll send one note if it "
            + "changes.",
        notifyFineprint: String = "One email per change. No newsletter, no selling your address.",
        tierFAQQuestion: String = "Is {tool} safe to use with confidential or proprietary data?",
        tierFAQIntro: String = "It depends on your plan tier.",
        tierFAQOutro: String =
            "Always confirm current terms with {tool} before sending confidential data — this is cited public "
            + "information, not legal advice."
    ) {
        self.pageTitle = pageTitle
        self.hipaaHeading = hipaaHeading
        self.hipaaDisclaimer = hipaaDisclaimer
        self.termsChange = termsChange
        self.generalDisclaimer = generalDisclaimer
        self.notifyHeading = notifyHeading
        self.notifyText = notifyText
        self.notifyFineprint = notifyFineprint
        self.tierFAQQuestion = tierFAQQuestion
        self.tierFAQIntro = tierFAQIntro
        self.tierFAQOutro = tierFAQOutro
    }
}
