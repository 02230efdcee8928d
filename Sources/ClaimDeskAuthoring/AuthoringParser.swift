import ClaimDeskDomain
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads an authoring file (YAML or JSON) into an `AuthoringDocument`, checking it against the vocabulary and the
/// known tools, and reports every problem at once — with file, line, path, field and what is allowed — so that
/// an import is all or nothing and the editor fixes everything in one pass.
public struct AuthoringParser: Sendable {
    /// Larger files are refused before parsing: an authoring file is a few kilobytes per tool.
    public static let maxBytes = 5 * 1024 * 1024

    public var context: AuthoringContext

    public init(context: AuthoringContext) {
        self.context = context
    }

    /// Parses a file's bytes. `file` names it in messages; its extension picks the format unless `format` is given.
    public func parse(_ data: Data, file: String, format: SourceFormat? = nil) throws(AuthoringError)
        -> AuthoringDocument
    {
        let root = try AuthoringParser.tree(data, file: file, format: format, consequence: "nothing was imported")
        var validator = DocumentValidator(file: file, context: context)
        let document = validator.document(root)
        guard validator.problems.isEmpty else {
            throw AuthoringError(file: file, problems: validator.problems.inFileOrder())
        }
        return document
    }

    /// Reads and parses the file at `path`, refusing a huge file before reading it.
    public func parse(fileAt path: String) throws(AuthoringError) -> AuthoringDocument {
        try parse(try AuthoringParser.read(path, consequence: "nothing was imported"), file: path)
    }

    /// The file's bytes, or a one-problem error saying why they cannot be had. Only a regular file is read: a named
    /// pipe would block the import until something writes to it, and a device never ends. The file is opened
    /// without blocking and checked through the open descriptor, so it cannot be swapped between check and read.
    static func read(_ path: String, consequence: String) throws(AuthoringError) -> Data {
        func fail(_ message: String) -> AuthoringError {
            AuthoringError(file: path, problems: [Problem(file: path, message: message)], consequence: consequence)
        }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: throw fail("does not exist; check the path")
            case EACCES, EPERM: throw fail("cannot be read; check its permissions")
            default: throw fail("cannot be opened (\(String(cString: strerror(errno)))); check the path")
            }
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw fail("cannot be read (\(String(cString: strerror(errno)))); check the path")
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw fail("is a directory; give a .yaml, .yml or .json file")
        default:
            throw fail(
                "is not a regular file (a named pipe, device or socket); save the document to a file and import that")
        }
        let size = Int(info.st_size)
        if size > maxBytes {
            // Only the size matters here; SourceText words the message.
            throw AuthoringError(
                file: path,
                problems: [Problem(file: path, message: SourceText.tooLarge(size, limit: maxBytes))],
                consequence: consequence)
        }
        do {
            // One byte more than the limit: a file that grew since the size check is still refused.
            return try handle.read(upToCount: maxBytes + 1) ?? Data()
        } catch {
            throw fail("cannot be read: \(error.localizedDescription)")
        }
    }

    /// Size, binary and encoding checks, then the format's parser: the tree to validate, or why there is none.
    static func tree(_ data: Data, file: String, format: SourceFormat?, consequence: String) throws(AuthoringError)
        -> SourceNode?
    {
        func fail(_ problem: Problem) -> AuthoringError {
            AuthoringError(file: file, problems: [problem], consequence: consequence)
        }
        guard let format = format ?? SourceFormat(fileName: file) else {
            throw fail(
                Problem(file: file, message: "has an unknown extension; name it .yaml, .yml or .json after its format"))
        }
        let text: String
        switch SourceText.decode(data, file: file, maxBytes: maxBytes) {
        case .success(let decoded): text = decoded
        case .failure(let failure): throw fail(failure.problem)
        }
        let result = format == .yaml ? YAMLReader.read(text, file: file) : JSONReader.read(text, file: file)
        switch result {
        case .success(let root): return root
        case .failure(let failure): throw fail(failure.problem)
        }
    }
}
