import ClaimDeskDomain

// The page model written field by field, keys in sorted order, exactly as `JSONEncoder` with sorted keys would write
// it (JSONWriterTests holds both to the same bytes). Keep these in step with the types in ClaimDeskDomain/Page.

extension ToolPage: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("allToolsURL")
        json.string(allToolsURL)
        json.key("badges")
        json.array(badges)
        json.key("changes")
        json.array(changes)
        json.key("confidence")
        json.string(confidence.rawValue)
        json.key("disclaimers")
        json.value(disclaimers)
        json.key("editorial")
        json.array(editorial)
        json.key("faq")
        json.array(faq)
        if let hipaa {
            json.key("hipaa")
            json.value(hipaa)
        }
        json.key("lastVerified")
        json.day(lastVerified)
        json.key("notify")
        json.value(notify)
        json.key("otherTools")
        json.array(otherTools)
        json.key("sections")
        json.array(sections)
        json.key("seq")
        json.int(seq)
        json.key("sources")
        json.array(sources)
        json.key("stale")
        json.bool(stale)
        json.key("tierVerdicts")
        json.array(tierVerdicts)
        json.key("title")
        json.string(title)
        json.key("tool")
        json.value(tool)
        json.endObject()
    }
}

extension PageTool: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("apiURL")
        json.string(apiURL)
        json.key("category")
        json.string(category)
        json.key("name")
        json.string(name)
        json.key("officialURL")
        json.string(officialURL)
        json.key("slug")
        json.string(slug.rawValue)
        json.key("url")
        json.string(url)
        json.endObject()
    }
}

extension Badge: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("label")
        json.string(label)
        json.key("section")
        json.string(section.rawValue)
        json.key("tone")
        json.string(tone.rawValue)
        json.key("topic")
        json.string(topic.rawValue)
        json.key("verdict")
        json.string(verdict.rawValue)
        json.endObject()
    }
}

extension PageVerdict: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("key")
        json.string(key.rawValue)
        json.key("label")
        json.string(label)
        json.key("tone")
        json.string(tone.rawValue)
        json.endObject()
    }
}

extension Citation: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        if let archivedURL {
            json.key("archivedURL")
            json.string(archivedURL)
        }
        json.key("dated")
        json.day(dated)
        if let quote {
            json.key("quote")
            json.string(quote)
        }
        if let sourceState {
            json.key("source_checked_at")
            if let sourceCheckedAt { json.string(sourceCheckedAt) } else { json.null() }
            json.key("source_state")
            json.string(sourceState.rawValue)
        }
        json.key("supports")
        json.string(supports)
        if let title {
            json.key("title")
            json.string(title)
        }
        json.key("url")
        json.string(url)
        json.endObject()
    }
}

extension PageClaim: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("body")
        json.string(body)
        json.key("citations")
        json.array(citations)
        json.key("confidence")
        json.string(confidence.rawValue)
        json.key("heading")
        json.string(heading)
        json.key("headline")
        json.string(headline)
        json.key("question")
        json.string(question)
        json.key("ref")
        json.string(ref.description)
        json.key("stale")
        json.bool(stale)
        json.key("topic")
        json.string(topic.rawValue)
        if let verdict {
            json.key("verdict")
            json.value(verdict)
        }
        json.key("verifiedOn")
        json.day(verifiedOn)
        json.endObject()
    }
}

extension TierVerdict: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("claim")
        json.value(claim)
        json.key("tier")
        json.string(tier.rawValue)
        json.key("tierName")
        json.string(tierName)
        json.endObject()
    }
}

extension HIPAASection: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("badges")
        json.array(badges)
        json.key("claims")
        json.array(claims)
        json.key("disclaimer")
        json.string(disclaimer)
        json.key("heading")
        json.string(heading)
        json.key("sources")
        json.array(sources)
        json.key("verifiedOn")
        json.day(verifiedOn)
        json.endObject()
    }
}

extension FAQEntry: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("answer")
        json.string(answer)
        json.key("question")
        json.string(question)
        json.endObject()
    }
}

extension PageSource: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        if let archivedURL {
            json.key("archivedURL")
            json.string(archivedURL)
        }
        json.key("dated")
        json.day(dated)
        json.key("quotes")
        json.strings(quotes)
        json.key("supports")
        json.strings(supports)
        if let title {
            json.key("title")
            json.string(title)
        }
        json.key("url")
        json.string(url)
        json.endObject()
    }
}

extension PageDisclaimers: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("general")
        json.string(general)
        json.key("termsChange")
        json.string(termsChange)
        json.endObject()
    }
}

extension NotifyBlock: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("action")
        json.string(action)
        json.key("fineprint")
        json.string(fineprint)
        json.key("heading")
        json.string(heading)
        json.key("text")
        json.string(text)
        json.endObject()
    }
}

extension ToolLink: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("name")
        json.string(name)
        json.key("slug")
        json.string(slug.rawValue)
        json.key("url")
        json.string(url)
        json.endObject()
    }
}

extension ToolSummary: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("apiURL")
        json.string(apiURL)
        json.key("badges")
        json.array(badges)
        json.key("category")
        json.string(category)
        json.key("confidence")
        json.string(confidence.rawValue)
        json.key("lastVerified")
        json.day(lastVerified)
        json.key("name")
        json.string(name)
        json.key("slug")
        json.string(slug.rawValue)
        json.key("stale")
        json.bool(stale)
        json.key("url")
        json.string(url)
        json.endObject()
    }
}

extension ToolIndex: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("seq")
        json.int(seq)
        json.key("tools")
        json.array(tools, chunk: 1_000, bytesPerElement: 1_024)
        json.endObject()
    }
}

extension SiteManifest: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("asOf")
        json.day(asOf)
        json.key("files")
        json.array(files, chunk: 4_000, bytesPerElement: 192)
        json.key("fingerprint")
        json.string(fingerprint)
        json.key("format")
        json.int(format)
        json.key("seq")
        json.int(seq)
        json.key("stalenessDays")
        json.int(stalenessDays)
        json.key("watchSeq")
        json.int(watchSeq)
        json.endObject()
    }
}

extension SiteManifest.File: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("path")
        json.string(path)
        json.key("sha256")
        json.string(sha256)
        json.key("size")
        json.int(size)
        json.endObject()
    }
}
