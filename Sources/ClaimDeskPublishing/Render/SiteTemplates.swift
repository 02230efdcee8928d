import Crypto
import Foundation
import Mustache

/// The compiled Mustache templates, loaded once per exporter (parsing per page would dominate large exports).
///
/// `fingerprint` is a digest of every template's text; the manifest records it so an incremental export refuses to mix
/// pages rendered by different templates.
struct SiteTemplates: Sendable {
    static let required = ["tool", "index"]

    let library: MustacheLibrary
    let fingerprint: String

    /// Loads every `*.mustache` file of `directory`, or of the templates shipped in this module's bundle when nil.
    static func load(from directory: URL? = nil) throws(ExportError) -> SiteTemplates {
        let folder: URL
        if let directory {
            folder = directory
        } else if let bundled = Bundle.module.url(forResource: "Templates", withExtension: nil) {
            folder = bundled
        } else {
            throw .templatesMissing(path: "the ClaimDeskPublishing resource bundle")
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

    /// Compiles templates given as text, keyed by name (the partial name, without `.mustache`).
    init(texts: [String: String]) throws(ExportError) {
        HTMLEscaping.register()
        var library = MustacheLibrary()
        var hasher = SHA256()
        for name in texts.keys.sorted() {
            let text = texts[name] ?? ""
            do {
                try library.register(text, named: name)
            } catch {
                throw .templateInvalid(name: "\(name).mustache", reason: String(describing: error))
            }
            hasher.update(data: Data("\(name)\n\(text.utf8.count)\n".utf8))
            hasher.update(data: Data(text.utf8))
        }
        self.library = library
        self.fingerprint = Hex.string(hasher.finalize())
    }

    func render(_ view: Any, template name: String) throws(ExportError) -> String {
        guard let text = library.render(view, withTemplate: name) else { throw .renderFailed(template: name) }
        return text
    }
}
