/// A question and answer derived from a claim through its topic's FAQ templates; also feeds the FAQPage JSON-LD.
public struct FAQEntry: Hashable, Sendable, Codable {
    public var question: String
    public var answer: String

    public init(question: String, answer: String) {
        self.question = question
        self.answer = answer
    }
}
