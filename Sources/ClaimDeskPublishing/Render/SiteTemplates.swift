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
