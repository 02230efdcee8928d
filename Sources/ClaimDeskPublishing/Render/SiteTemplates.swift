import Crypto
import Foundation
import Mustache

/// The compiled Mustache templates, loaded once per exporter (parsing per page would dominate large exports).
///
/// Pages are rendered by `TemplateRenderer` from the same `.mustache` files, with swift-mustache's semantics but
/// straight into bytes; a template it cannot compile (or a value it cannot render) is rendered by swift-mustache
/// itself, so a designer may use any Mustache feature. `fingerprint` is a digest of every template's text; the
/// manifest records it so an incremental export refuses to mix pages rendered by different templates.
struct SiteTemplates: Sendable {
    static let required = ["tool", "index"]

    let library: MustacheLibrary
    let fingerprint: String
    /// Templates `TemplateRenderer` renders, by name.
    let compiled: [String: [TemplateNode]]
    /// `compiled` as one program, copied once per rendering thread (see `PerThread`).
    private let threadCopies: PerThread<TemplateProgram>
    /// Templates left to swift-mustache, by name, with the reason.
    let uncompiled: [String: String]
    /// `styles.mustache` rendered once: the site's one stylesheet, linked from every page.
    let stylesheet: [UInt8]
    /// Where the stylesheet goes in the export: `assets/site.<first 16 hex digits of its SHA-256>.css`, a new name
    /// whenever its content changes, so it can be cached for ever.
    let stylesheetPath: String

    /// Loads every `*.mustache` file of `directory`, or of the templates shipped in this module's resource bundle when
    /// nil.
    static func load(from directory: URL? = nil) throws(ExportError) -> SiteTemplates {
        guard let folder = directory ?? shippedFolder() else {
            throw .templatesMissing(
                path: Bundle.main.bundleURL.appendingPathComponent("ClaimDesk_ClaimDeskPublishing.resources").path)
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix(".mustache") }.sorted()
        } catch {
            throw .templatesMissing(path: folder.path)
        }
        var texts: [String: String] = [:]
        for name in names {
            let url = folder.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw .templatesMissing(path: url.path)
            }
            texts[String(name.dropLast(".mustache".count))] = String(decoding: data, as: UTF8.self)
        }
        for name in required where texts[name] == nil {
            throw .templatesMissing(path: folder.appendingPathComponent("\(name).mustache").path)
        }
        return try SiteTemplates(texts: texts)
    }

    /// The shipped templates: the resource bundle beside the executable (where SwiftPM puts it, and where
    /// `Bundle.module` looks first), else the source folder this module was built from. `Bundle.module` is only asked
    /// once its bundle is known to exist, because it stops the process instead of throwing when it is missing.
    static func shippedFolder() -> URL? {
        let beside = Bundle.main.bundleURL
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: beside.path)) ?? []
        if entries.contains(where: { $0.hasSuffix("_ClaimDeskPublishing.resources") }),
            let bundled = Bundle.module.url(forResource: "Templates", withExtension: nil)
        {
            return bundled
        }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Templates")
        return POSIXFile.isDirectory(source.path) ? source : nil
    }

    /// Compiles templates given as text, keyed by name (the partial name, without `.mustache`).
    init(texts: [String: String]) throws(ExportError) {
        HTMLEscaping.register()
        var library = MustacheLibrary()
        var hasher = SHA256()
        var compiled: [String: [TemplateNode]] = [:]
        var uncompiled: [String: String] = [:]
        for name in texts.keys.sorted() {
            let text = texts[name] ?? ""
            do {
                try library.register(text, named: name)
            } catch {
                throw .templateInvalid(name: "\(name).mustache", reason: String(describing: error))
            }
            do {
                compiled[name] = try TemplateParser.parse(text)
            } catch let error as TemplateParser.Unsupported {
                uncompiled[name] = error.reason
            } catch {
                uncompiled[name] = String(describing: error)
            }
            hasher.update(data: Data("\(name)\n\(text.utf8.count)\n".utf8))
            hasher.update(data: Data(text.utf8))
        }
        self.library = library
        self.fingerprint = Hex.string(hasher.finalize())
        self.compiled = compiled
        self.uncompiled = uncompiled
        let program: TemplateProgram
        do {
            program = try TemplateProgram(templates: compiled, uncompiled: Set(uncompiled.keys))
        } catch {
            throw .templateInvalid(
                name: "\(error.template).mustache", reason: "the templates together hold more than 2 GB of text")
        }
        self.threadCopies = PerThread { program.copied() }
        let css =
            texts["styles"] == nil ? [] : Array((library.render([String: String](), withTemplate: "styles") ?? "").utf8)
        self.stylesheet = css
        self.stylesheetPath = "assets/site.\(Hex.string(SHA256.hash(data: css)).prefix(16)).css"
    }

    /// Renders with swift-mustache alone (the reference the faster renderer is tested against).
    func render(_ view: Any, template name: String) throws(ExportError) -> String {
        guard let text = library.render(view, withTemplate: name) else { throw .renderFailed(template: name) }
        return text
    }

    /// Renders `view` with `template` as UTF-8 bytes: by `TemplateRenderer` when it can, else by swift-mustache.
    func renderBytes(_ view: Any, template name: String, capacity: Int = 64 * 1024) throws(ExportError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(capacity)
        try renderBytes(view, template: name, reusing: &bytes)
        return bytes
    }

    /// `renderBytes(_:template:)` into `buffer`'s storage (emptied first), for a caller that renders page after page.
    func renderBytes(_ view: Any, template name: String, reusing buffer: inout [UInt8]) throws(ExportError) {
        if compiled[name] != nil {
            var renderer = TemplateRenderer(program: threadCopies.value, reusing: buffer)
            buffer = []
            do {
                try renderer.render(view, template: name)
                buffer = renderer.out
                return
            } catch {
                buffer = renderer.out
                // Something only swift-mustache renders (a lambda, say): the whole page goes to it below.
            }
        }
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: try render(view, template: name).utf8)
    }
}
