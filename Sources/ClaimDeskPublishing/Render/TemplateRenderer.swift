import Foundation
import Mustache

/// Renders parsed templates straight into a UTF-8 byte buffer with swift-mustache's semantics — the same name lookup
/// through the context stack (`MustacheParent`, `MustacheCustomRepresentation`, `Mirror`), the same section rules,
/// the same transforms (`MustacheTransformable`) and the same escaping — without its per-tag costs: names are split
/// once when parsing, each context object is classified once when it is entered instead of at every lookup, and text
/// is appended to one buffer instead of concatenating strings.
///
/// What it does not render itself (lambdas, templates as values) throws `TemplateParser.Unsupported`; the caller
/// then renders the page with swift-mustache.
struct TemplateRenderer {
    /// The compiled templates; partials resolve here.
    let program: TemplateProgram
    var out: [UInt8] = []
    private var stack: [Frame] = []
    // The program's storage while `render(_:template:)` runs: read through pointers, it costs no reference counts.
    private var instructions = UnsafeBufferPointer<TemplateProgram.Instruction>(start: nil, count: 0)
    private var text = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    private var paths = UnsafeBufferPointer<TemplatePath>(start: nil, count: 0)
    private var ranges = UnsafeBufferPointer<Range<Int>>(start: nil, count: 0)

    /// Renders into `buffer`'s storage, emptied first.
    init(program: TemplateProgram, reusing buffer: consuming [UInt8]) {
        self.program = program
        buffer.removeAll(keepingCapacity: true)
        out = buffer
    }

    /// A context object, classified once when entered. Only the classified form is kept (one reference per frame, so
    /// walking the stack retains little).
    private enum Frame {
        /// A ClaimDesk view: looked up through `value(_:)`, without casts. Unretained: whoever handed the view to
        /// the renderer (the caller, or the value of the enclosing section) keeps it alive while its frame is on the
        /// stack.
        case typed(Unmanaged<TemplateObject>)
        case parent(any MustacheParent)
        /// Looked up through `Mirror`, as swift-mustache does for plain values.
        case mirror(Any)
        /// Strings, numbers, booleans and sequences: `Mirror` finds no named child in them.
        case leaf(Any)
        /// A custom representation that is nil: nothing is found in it, but `{{.}}` is still the object itself.
        case none(Any)

        init(_ value: Any) {
            if let typed = value as? TemplateObject {
                self = .typed(Unmanaged.passUnretained(typed))
                return
            }
            var object: Any? = value
            if let custom = value as? MustacheCustomRepresentation { object = custom.representation }
            guard let object else {
                self = .none(value)
                return
            }
            // Views first: they are most of what is entered. No leaf type below is a MustacheParent.
            if let parent = object as? any MustacheParent {
                self = .parent(parent)
                return
            }
            switch object {
            case is String, is Substring, is Int, is Bool, is Double, is any MustacheSequence: self = .leaf(value)
            default: self = .mirror(object)
            }
        }

        /// The object as swift-mustache's `{{.}}` sees it.
        var value: Any {
            switch self {
            case .typed(let typed): typed.takeUnretainedValue()
            case .parent(let parent): parent
            case .mirror(let object), .leaf(let object), .none(let object): object
            }
        }

        func child(_ name: String) -> Any? {
            switch self {
            case .typed(let typed): typed.takeUnretainedValue().value(named: name).any
            case .parent(let parent): parent.child(named: name)
            case .mirror(let object): TemplateRenderer.mirrorChild(name, of: object)
            case .leaf, .none: nil
            }
        }
    }

    mutating func render(_ view: Any, template name: String) throws {
        let program = self.program
        guard let entry = program.entries[name] else {
            throw TemplateParser.Unsupported(reason: "the template \(name) is not compiled")
        }
        stack = [Frame(view)]
        defer { stack = [] }
        // The root view's frame does not retain it: `view` must live until the page is rendered.
        try withExtendedLifetime(view) {
            try render(program: program, entry: entry)
        }
    }

    private mutating func render(program: TemplateProgram, entry: Range<Int>) throws {
        try program.instructions.withUnsafeBufferPointer { instructions in
            try program.text.withUnsafeBufferPointer { text in
                try program.paths.withUnsafeBufferPointer { paths in
                    try program.ranges.withUnsafeBufferPointer { ranges in
                        self.instructions = instructions
                        self.text = text
                        self.paths = paths
                        self.ranges = ranges
                        defer {
                            self.instructions = UnsafeBufferPointer(start: nil, count: 0)
                            self.text = UnsafeBufferPointer(start: nil, count: 0)
                            self.paths = UnsafeBufferPointer(start: nil, count: 0)
                            self.ranges = UnsafeBufferPointer(start: nil, count: 0)
                        }
                        try render(entry, contentType: .html)
                    }
                }
            }
        }
    }

    private mutating func render(_ body: Range<Int>, contentType: TemplateContentType) throws {
        var contentType = contentType
        var index = body.lowerBound
        while index < body.upperBound {
            let instruction = instructions[index]
            index += 1
            switch instruction.kind {
            case .text:
                let start = Int(instruction.a)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<(start + Int(instruction.b))]))
            case .variable, .unescaped:
                let escaping = instruction.kind == .variable ? contentType : .text
                switch try lookup(Int(instruction.a)) {
                case .string(let string): append(string, escaping: escaping)
                case .other(let value): try appendValue(value, escaping: escaping)
                case .typed(let value): try appendTyped(value, escaping: escaping)
                case nil: continue
                }
            case .section:
                let end = Int(instruction.b)
                try renderSection(try lookup(Int(instruction.a)), body: index..<end, contentType: contentType)
                index = end
            case .inverted:
                let end = Int(instruction.b)
                try renderInverted(try lookup(Int(instruction.a)), body: index..<end, contentType: contentType)
                index = end
            case .partial:
                switch instruction.a {
                case -2: throw TemplateParser.Unsupported(reason: "a partial is not compiled")
                case -1: continue
                default: try render(ranges[Int(instruction.a)], contentType: .html)
                }
            case .contentType:
                contentType = TemplateContentType(rawValue: instruction.a) ?? contentType
            }
        }
    }

    private mutating func renderSection(_ resolved: Resolved?, body: Range<Int>, contentType: TemplateContentType)
        throws
    {
        let value: Any
        switch resolved {
        case nil: return
        case .string(let string):
            stack.append(.leaf(string))
            defer { stack.removeLast() }
            try render(body, contentType: contentType)
            return
        case .other(let other): value = other
        case .typed(let typed):
            try renderTypedSection(typed, body: body, contentType: contentType)
            return
        }
        // Concrete types first (cheap checks); the order of the protocol checks is swift-mustache's.
        if value is Absent { return }
        if let bool = value as? Bool {
            if bool { try render(body, contentType: contentType) }
            return
        }
        if value is MustacheLambda { throw TemplateParser.Unsupported(reason: "lambdas") }
        switch value {
        case let sequence as any MustacheSequence:
            try renderElements(sequence, body: body, contentType: contentType)
        case let null as MustacheCustomRenderable where null.isNull:
            return
        default:
            try renderWith(value, body: body, contentType: contentType)
        }
    }

    /// A section over a typed value, with swift-mustache's rules: text, numbers and objects are entered, a boolean
    /// decides, a list repeats, an absent value renders nothing.
    private mutating func renderTypedSection(
        _ value: TemplateValue, body: Range<Int>, contentType: TemplateContentType
    )
        throws
    {
        switch value {
        case .missing, .absent: return
        case .bool(let bool):
            if bool { try render(body, contentType: contentType) }
        case .text(let text):
            stack.append(.leaf(text))
            defer { stack.removeLast() }
            try render(body, contentType: contentType)
        case .int(let int):
            stack.append(.leaf(int))
            defer { stack.removeLast() }
            try render(body, contentType: contentType)
        case .object(let object):
            try withExtendedLifetime(object) {
                stack.append(.typed(Unmanaged.passUnretained(object)))
                defer { stack.removeLast() }
                try render(body, contentType: contentType)
            }
        case .list(let items):
            try withExtendedLifetime(items) {
                for index in items.indices {
                    stack.append(.typed(Unmanaged.passUnretained(items[index])))
                    defer { stack.removeLast() }
                    try render(body, contentType: contentType)
                }
            }
        case .texts(let items):
            for item in items {
                stack.append(.leaf(item))
                defer { stack.removeLast() }
                try render(body, contentType: contentType)
            }
        }
    }

    private mutating func renderElements<Elements: Sequence>(
        _ elements: Elements, body: Range<Int>, contentType: TemplateContentType
    ) throws {
        for element in elements {
            try renderWith(element, body: body, contentType: contentType)
        }
    }

    private mutating func renderWith(_ object: Any, body: Range<Int>, contentType: TemplateContentType) throws {
        // A view's frame does not retain it: `object` must live until the section is done.
        try withExtendedLifetime(object) {
            stack.append(Frame(object))
            defer { stack.removeLast() }
            try render(body, contentType: contentType)
        }
    }

    private mutating func renderInverted(
        _ resolved: Resolved?, body: Range<Int>, contentType: TemplateContentType
    ) throws {
        let value: Any
        switch resolved {
        case nil:
            try render(body, contentType: contentType)
            return
        case .string: return
        case .other(let other): value = other
        case .typed(let typed):
            switch typed {
            case .missing, .absent: try render(body, contentType: contentType)
            case .bool(let bool): if !bool { try render(body, contentType: contentType) }
            case .list(let items): if items.isEmpty { try renderWith(items, body: body, contentType: contentType) }
            case .texts(let items): if items.isEmpty { try renderWith(items, body: body, contentType: contentType) }
            case .text, .int, .object: break
            }
            return
        }
        if value is Absent {
            try render(body, contentType: contentType)
            return
        }
        if let bool = value as? Bool {
            if !bool { try render(body, contentType: contentType) }
            return
        }
        switch value {
        case let sequence as any MustacheSequence:
            if Self.isEmpty(sequence) { try renderWith(sequence, body: body, contentType: contentType) }
        case let null as MustacheCustomRenderable where null.isNull:
            try render(body, contentType: contentType)
        default:
            return
        }
    }

    private static func isEmpty<Elements: Sequence>(_ elements: Elements) -> Bool {
        var iterator = elements.makeIterator()
        return iterator.next() == nil
    }

    /// swift-mustache's `getChild`: `.` is the current object, `.name` is looked up on it only, any other name in the
    /// innermost object that has it; dotted names continue from there; then the transforms, innermost first.
    /// A looked-up value: strings, by far the most common, are told apart once so nothing casts them again.
    enum Resolved {
        case string(String)
        case other(Any)
        case typed(TemplateValue)
    }

    /// The value of `paths[index]`. The common cases read single fields of the path in place: copying the whole path
    /// (three strings' worth of reference counts) for every tag cost more than looking the name up.
    private func lookup(_ index: Int) throws -> Resolved? {
        if !paths[index].isCurrent, !paths[index].isAnchored, paths[index].first != nil,
            let value = typedLookup(paths[index].firstKey)
        {
            if case .missing = value { return nil }
            if paths[index].isSingle {
                if paths[index].isPlain { return .typed(value) }
                // `empty(list)`, the one transform the templates use per claim, without the detour through Any.
                if paths[index].isEmptyTest {
                    switch value {
                    case .list(let items): return .typed(.bool(items.isEmpty))
                    case .texts(let items): return .typed(.bool(items.isEmpty))
                    default: break
                    }
                }
            } else if paths[index].isPlain {
                let path = paths[index]
                var current = value
                var consumed = true
                for key in path.keys.dropFirst() {
                    guard case .object(let inner) = current else {
                        consumed = false
                        break
                    }
                    guard let key else { return nil }
                    current = inner.value(key)
                    if case .missing = current { return nil }
                }
                if consumed { return .typed(current) }
            }
        }
        guard let value = try lookupAny(paths[index]) else { return nil }
        if let string = value as? String { return .string(string) }
        return .other(value)
    }

    /// The innermost typed answer for `name` while every frame on the way is a typed view or a plain value (which
    /// has no names): `.missing` when no frame has it; nil when a frame of another kind is reached first, and the
    /// general lookup must decide.
    /// A nil key is a name no view has: every typed frame answers `.missing` for it.
    private func typedLookup(_ key: TemplateKey?) -> TemplateValue? {
        stack.withUnsafeBufferPointer { frames in
            var index = frames.count - 1
            while index >= 0 {
                switch frames[index] {
                case .typed(let object):
                    guard let key else { break }
                    let value = object._withUnsafeGuaranteedRef { $0.value(key) }
                    if case .missing = value { break }
                    return value
                case .leaf, .none: break
                case .parent, .mirror: return nil
                }
                index -= 1
            }
            return .missing
        }
    }

    private func lookupAny(_ path: TemplatePath) throws -> Any? {
        var child: Any?
        if path.isCurrent {
            child = stack.last?.value
        } else if path.isAnchored {
            guard let top = stack.last else { return nil }
            child = try Self.descend(path.components[...], from: top.value)
        } else if let first = path.components.first {
            child = nil
            var index = stack.count - 1
            while index >= 0 {
                if let found = stack[index].child(first) {
                    child = try Self.descend(path.components.dropFirst(), from: found)
                    break
                }
                index -= 1
            }
        } else {
            child = stack.last?.value
        }
        if path.transforms.isEmpty, let string = child as? String { return string }
        if let custom = child as? MustacheCustomRepresentation { child = custom.representation }
        guard var value = child else { return nil }
        for transform in path.transforms.reversed() {
            guard let transformable = value as? MustacheTransformable, let result = transformable.transform(transform)
            else { return nil }
            value = result
        }
        return value
    }

    private static func descend(_ names: ArraySlice<String>, from object: Any) throws -> Any? {
        var object = object
        for name in names {
            if object is MustacheLambda { throw TemplateParser.Unsupported(reason: "lambdas") }
            guard let child = immediateChild(name, of: object) else { return nil }
            object = child
        }
        return object
    }

    private static func immediateChild(_ name: String, of object: Any) -> Any? {
        var target: Any? = object
        if let custom = object as? MustacheCustomRepresentation { target = custom.representation }
        if let parent = target as? any MustacheParent { return parent.child(named: name) }
        guard let target else { return nil }
        return mirrorChild(name, of: target)
    }

    /// swift-mustache's `Mirror.getValue(forKey:)`: the first child with that label, unwrapped when optional.
    static func mirrorChild(_ name: String, of object: Any) -> Any? {
        guard let matched = Mirror(reflecting: object).children.first(where: { $0.label == name }) else { return nil }
        let mirror = Mirror(reflecting: matched.value)
        guard mirror.displayStyle == .optional else { return matched.value }
        return mirror.children.first?.value
    }

    private mutating func appendValue(_ value: Any, escaping contentType: TemplateContentType) throws {
        if let string = value as? String {
            append(string, escaping: contentType)
        } else if let int = value as? Int {
            append(String(int), escaping: contentType)
        } else if let renderable = value as? MustacheCustomRenderable {
            append(renderable.renderText, escaping: contentType)
        } else if value is MustacheTemplate || value is MustacheLambda {
            throw TemplateParser.Unsupported(reason: "templates and lambdas as values")
        } else {
            append(String(describing: Self.unwrapped(value)), escaping: contentType)
        }
    }

    private mutating func appendTyped(_ value: TemplateValue, escaping contentType: TemplateContentType) throws {
        switch value {
        case .missing, .absent: return
        case .text(let text): append(text, escaping: contentType)
        case .int(let int): append(String(int), escaping: contentType)
        case .bool(let bool): append(bool ? "true" : "false", escaping: contentType)
        case .object, .list, .texts: if let any = value.any { try appendValue(any, escaping: contentType) }
        }
    }

    /// swift-mustache prints the value an optional holds, and an empty optional as itself.
    private static func unwrapped(_ value: Any) -> Any {
        guard let optional = value as? any OptionalValue else { return value }
        return optional.wrappedAny ?? value
    }

    private mutating func append(_ string: String, escaping contentType: TemplateContentType) {
        switch contentType {
        case .text:
            out.append(contentsOf: string.utf8)
        case .claimdeskHTML:
            HTMLEscaping.append(string, to: &out)
        case .html:
            // swift-mustache's built-in HTML type compares whole characters, so a quote followed by a combining mark
            // is left alone; kept identical here.
            for character in string {
                switch character {
                case "<": out.append(contentsOf: "&lt;".utf8)
                case ">": out.append(contentsOf: "&gt;".utf8)
                case "&": out.append(contentsOf: "&amp;".utf8)
                case "\"": out.append(contentsOf: "&quot;".utf8)
                case "'": out.append(contentsOf: "&#39;".utf8)
                default: out.append(contentsOf: character.utf8)
                }
            }
        }
    }
}

/// Lets the renderer see through an `Optional` stored in an `Any`.
protocol OptionalValue {
    var wrappedAny: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedAny: Any? { self }
}
