import ArgumentParser
import ClaimDeskDomain

extension ClaimDesk.Topic {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the topics with their questions and verdicts (key, label, tone).")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let store = try global.openStore()
            let topics = try store.topics()
            try global.emit(topics) {
                topics.map { topic in
                    var text = "\(topic.key)  \(topic.question) [\(topic.section.rawValue)]"
                    if topic.verdicts.isEmpty {
                        text += "\n  (prose only: no verdict; omit --verdict)"
                    } else {
                        var table = Table()
                        for verdict in topic.verdicts {
                            table.add(["  " + verdict.key.rawValue, verdict.label, verdict.tone.rawValue])
                        }
                        text += "\n" + table.rendered
                    }
                    return text
                }.joined(separator: "\n\n")
            }
        }
    }
}
