import Foundation
import Yams

/// Reads YAML through Yams' compose API (not its Decodable layer) so that every value keeps its line number.
enum YAMLReader {
    /// Aliases let a small file expand into a huge tree ("billion laughs"); beyond this many values the file is refused.
    static let maxValues = 200_000

    /// The file's single document, or the problem that stopped parsing.
    static func read(_ text: String, file: String) -> Result<SourceNode?, SingleProblem> {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            return .failure(SingleProblem(problem(error, file: file)))
        } catch {
            return .failure(SingleProblem(Problem(file: file, message: "is not valid YAML: \(error)")))
        }
        guard let root else { return .success(nil) }
        var budget = maxValues
        do {
            return .success(try convert(root, budget: &budget))
        } catch let problem as ConversionProblem {
            return .failure(SingleProblem(Problem(file: file, line: problem.line, message: problem.message)))
        } catch {
            return .failure(SingleProblem(Problem(file: file, message: "could not be read: \(error)")))
        }
    }

    private struct ConversionProblem: Error {
        var line: Int?
        var message: String
    }

    private static func convert(_ node: Node, budget: inout Int) throws -> SourceNode {
        budget -= 1
        guard budget >= 0 else {
            throw ConversionProblem(
                line: node.mark?.line,
                message:
                    "expands to more than \(maxValues) values (through YAML aliases?); write the values out instead")
        }
        switch node {
        case .scalar(let scalar):
            let isNull = node.null != nil
            return .scalar(SourceScalar(text: scalar.string, kind: isNull ? .null : .text, line: scalar.mark?.line))
        case .sequence(let sequence):
            var items: [SourceNode] = []
            for item in sequence { items.append(try convert(item, budget: &budget)) }
            return .sequence(items, line: sequence.mark?.line)
        case .mapping(let mapping):
            var entries: [SourceEntry] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw ConversionProblem(
                        line: key.mark?.line, message: "has a key that is not plain text; write keys as `name: value`")
                }
                entries.append(
                    SourceEntry(
                        key: keyScalar.string, keyLine: keyScalar.mark?.line, value: try convert(value, budget: &budget)
                    ))
            }
            return .mapping(entries, line: mapping.mark?.line)
        case .alias(let alias):
            throw ConversionProblem(line: alias.mark?.line, message: "uses a YAML alias that could not be resolved")
        }
    }

    /// Turns libyaml's report into one line that says where and what, and how YAML wants it written.
    static func problem(_ error: YamlError, file: String) -> Problem {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let during = context.map { " (\($0.text) started on line \($0.mark.line))" } ?? ""
            return Problem(
                file: file, line: mark.line,
                message: "is not valid YAML: \(problem)\(during); check the indentation and quoting around this line")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Problem(
                file: file, line: context.mark.line,
                message: "repeats the key \(duplicates.map { "\"\($0)\"" }.joined(separator: ", ")) in one mapping; "
                    + "give each field once")
        case .reader(let problem, _, _, _):
            return Problem(file: file, message: "could not be read as YAML text: \(problem)")
        default:
            return Problem(file: file, message: "is not valid YAML: \(error)")
        }
    }
}
