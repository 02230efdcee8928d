import ClaimDeskDomain

// "What changed" entries written field by field in sorted key order, as JSONEncoder with sorted keys writes them
// (nil values left out, as synthesized Codable does).

extension PageChange: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("day")
        json.day(day)
        json.key("items")
        json.array(items)
        json.key("material")
        json.bool(material)
        json.key("seq")
        json.int(seq)
        json.endObject()
    }
}

extension PageChange.Item: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("heading")
        json.string(heading)
        json.key("kind")
        json.string(kind.rawValue)
        if let newHeadline {
            json.key("newHeadline")
            json.string(newHeadline)
        }
        if let newLabel {
            json.key("newLabel")
            json.string(newLabel)
        }
        if let note {
            json.key("note")
            json.string(note)
        }
        if let oldHeadline {
            json.key("oldHeadline")
            json.string(oldHeadline)
        }
        if let oldLabel {
            json.key("oldLabel")
            json.string(oldLabel)
        }
        json.key("ref")
        json.string(ref.description)
        json.endObject()
    }
}
