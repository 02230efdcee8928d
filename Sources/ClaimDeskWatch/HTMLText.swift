import CLibXML2

/// The readable text of an HTML document, parsed with libxml2's error-recovering HTML parser: scripts, styles and
/// other non-text elements dropped, one line per block, whitespace collapsed. Markup-only changes (attributes, their
/// order, classes, inline tags) therefore leave the text as it was.
enum HTMLText {
    /// Elements whose content is never text a reader sees.
    static let skipped: Set<String> = [
        "script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object", "embed", "canvas",
        "select", "button",
    ]

    /// Elements that start a new line of text.
    static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "dialog", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "ul",
    ]

    /// Parses `bytes` as HTML in `encoding` (an IANA charset name; libxml2 detects it when nil).
    static func extract(_ bytes: [UInt8], encoding: String?) -> String {
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue)
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return "" }
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let encoding {
                    return encoding.withCString {
                        htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, $0, options)
                    }
                }
                return htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, nil, options)
            }
        }
        guard let document else { return "" }
        defer { xmlFreeDoc(document) }
        var lines = TextLines()
        if let root = xmlDocGetRootElement(document) {
            walk(root, into: &lines)
        }
        return lines.text
    }

    /// Depth-first, without recursion: a hostile page's nesting cannot exhaust the stack.
    private static func walk(_ root: xmlNodePtr, into lines: inout TextLines) {
        // Each entry is a node to visit, or (nil, name) meaning "leaving the block element name".
        var stack: [(node: xmlNodePtr?, leaving: Bool)] = [(root, false)]
        while let (node, leaving) = stack.popLast() {
            guard let node else { continue }
            if leaving {
                lines.breakLine()
                continue
            }
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { lines.append(String(cString: content)) }
            case XML_ELEMENT_NODE:
                let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
                if skipped.contains(name) { continue }
                let block = blocks.contains(name)
                if block {
                    lines.breakLine()
                    stack.append((node, true))
                }
                var children: [xmlNodePtr] = []
                var child = node.pointee.children
                while let current = child {
                    children.append(current)
                    child = current.pointee.next
                }
                for current in children.reversed() { stack.append((current, false)) }
            default:
                continue
            }
        }
    }
}
