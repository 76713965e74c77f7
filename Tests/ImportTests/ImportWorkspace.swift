import Content
import Core
import Foundation
import Import

/// A copy of the example portal's content to import into, and the spreadsheets to import.
struct ImportWorkspace {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Tests/ImportTests/Fixtures")

    let root: URL
    var content: URL { root.appendingPathComponent("content") }
    var loader: ContentLoader { ContentLoader(directory: content, displayRoot: "content", parallelism: 1) }
    var importer: SpreadsheetImporter { SpreadsheetImporter(loader: loader) }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("portal-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent("content"), to: content)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    func text(_ relative: String) throws -> String {
        try String(contentsOf: content.appendingPathComponent(relative), encoding: .utf8)
    }

    /// Writes `text` as a file of the workspace and returns it.
    func file(_ name: String, _ text: String) throws -> URL {
        let url = root.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    func request(_ kind: RecordSchema.Kind, _ url: URL, sheet: String? = nil, mapping: URL? = nil)
        -> SpreadsheetImporter.Request
    {
        var request = SpreadsheetImporter.Request(kind: kind, file: url, displayPath: url.lastPathComponent)
        request.sheet = sheet
        request.mapping = mapping.map { ($0, $0.lastPathComponent) }
        return request
    }

    /// Plans and writes the import.
    @discardableResult
    func run(_ request: SpreadsheetImporter.Request) throws -> SpreadsheetImporter.Plan {
        let plan = try importer.plan(request)
        try importer.write(plan)
        return plan
    }

    /// The problems of an import that should fail.
    func problems(_ request: SpreadsheetImporter.Request) -> [Diagnostic] {
        do {
            _ = try importer.plan(request)
            return []
        } catch {
            return error.diagnostics
        }
    }
}
