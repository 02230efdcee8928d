import ClaimDeskDomain
import Foundation
import Testing

@testable import ClaimDeskPublishing

/// The exported JSON validates against the committed JSON Schemas (schema/*.json), checked by Python's `jsonschema`
/// (scripts/test installs it when missing).
@Suite("JSON Schema")
struct SchemaTests {
    static let schemaFolder = TestSupport.packageRoot.appendingPathComponent("schema")

    static let validator = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
        failed = False
        for path in sys.argv[2:]:
            for error in validator.iter_errors(json.load(open(path))):
                failed = True
                print(f"{path}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
        sys.exit(1 if failed else 0)
        """

    func validate(_ schema: String, _ files: [URL]) throws -> TestSupport.ProgramResult {
        let python = try #require(TestSupport.which("python3"), "python3 with the jsonschema module is required")
        return try TestSupport.run(
            python, ["-c", Self.validator, Self.schemaFolder.appendingPathComponent(schema).path] + files.map(\.path))
    }

    @Test(
        "tools.json and every tool document validate, for the fixture and for hostile text", arguments: [false, true])
    func exportsValidate(hostile: Bool) throws {
        let site = try SiteAssertions.export(hostile ? Hostile.catalog : Fixtures.catalog)
        let index = try validate("tools.schema.json", [site.appendingPathComponent("api/v1/tools.json")])
        #expect(index.status == 0, "\(index.stdout)\(index.stderr)")
        let tools = try FileManager.default.contentsOfDirectory(
            atPath: site.appendingPathComponent("api/v1/tools").path
        )
        .sorted().map { site.appendingPathComponent("api/v1/tools/\($0)") }
        #expect(tools.count == 2)
        let pages = try validate("tool.schema.json", tools)
        #expect(pages.status == 0, "\(pages.stdout)\(pages.stderr)")
    }

    @Test("the schemas are strict enough to reject a document with a missing or unknown field")
    func schemasReject() throws {
        let site = try SiteAssertions.export()
        let url = site.appendingPathComponent("api/v1/tools/deepseek.json")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        object.removeValue(forKey: "lastVerified")
        object["surprise"] = true
        let broken = site.appendingPathComponent("broken.json")
        try JSONSerialization.data(withJSONObject: object).write(to: broken)
        let result = try validate("tool.schema.json", [broken])
        #expect(result.status != 0)
        #expect(result.stdout.contains("lastVerified"))
        #expect(result.stdout.contains("surprise"))
    }
}
