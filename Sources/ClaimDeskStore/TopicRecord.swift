import ClaimDeskDomain

/// The JSON shape of a topic with its verdicts.
struct TopicRecord: Decodable {
    struct VerdictRecord: Decodable {
        var key: String
        var label: String
        var tone: Tone
    }

    var key: String
    var heading: String
    var question: String
    var faq_question: String?
    var faq_answer: String?
    var section: TopicSection
    var position: Int
    var badge_position: Int?
    var verdicts: [VerdictRecord]

    var topic: Topic {
        Topic(
            key: TopicKey(key), heading: heading, question: question, faqQuestion: faq_question, faqAnswer: faq_answer,
            section: section, position: position, badgePosition: badge_position,
            verdicts: verdicts.map { Verdict(key: VerdictKey($0.key), label: $0.label, tone: $0.tone) })
    }
}
