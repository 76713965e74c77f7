import Build
import Core
import Foundation
import Testing

/// The happy-path fixture site in `Fixtures/portal`, built with the project's own `templates/`.
enum FixtureSite {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/portal/content")
    static let templates = packageRoot.appendingPathComponent("templates")
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The day every fixture build is made on, so that the dashboard's pace is the same each run.
    static let today = Day(year: 2026, month: 1, day: 1)!

    static func options(content: URL = content, templates: URL = templates, parallelism: Int = 8) -> SiteBuilder.Options {
        SiteBuilder.Options(
            content: content, templates: templates, contentDisplay: "content", templatesDisplay: "templates",
            parallelism: parallelism, today: today)
    }

    /// Builds into memory and returns every file.
    static func build(parallelism: Int = 8) async throws -> [String: [UInt8]] {
        let sink = MemorySink()
        _ = try await SiteBuilder(options: options(parallelism: parallelism)).build(into: sink)
        return await sink.files
    }

    /// A copy of the fixture content in a temporary folder, for tests that change it.
    static func copy() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-build-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent("content")
        try FileManager.default.copyItem(at: content, to: target)
        return target
    }
}

/// A copy of the fixture content, and of the templates when a test changes them, in a
/// temporary folder with the output `site/` beside them.
struct FixtureWorkspace {
    let root: URL
    let templates: URL
    var content: URL { root.appendingPathComponent("content") }
    var output: URL { root.appendingPathComponent("site") }

    init(copyingTemplates: Bool = false) throws {
        root = try FixtureSite.copy().deletingLastPathComponent()
        templates = copyingTemplates ? root.appendingPathComponent("templates") : FixtureSite.templates
        if copyingTemplates { try FileManager.default.copyItem(at: FixtureSite.templates, to: templates) }
    }

    var options: SiteBuilder.Options { FixtureSite.options(content: content, templates: templates) }
    var builder: SiteBuilder { SiteBuilder(options: options) }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

extension FixtureSite {
    /// Every file below `folder` with its bytes.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return files }
        for case let path as String in enumerator {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }
}

extension Dictionary where Key == String, Value == [UInt8] {
    func text(_ path: String) -> String? {
        self[path].map { String(decoding: $0, as: UTF8.self) }
    }
}

extension FixtureSite {
    /// Runs a program found on the `PATH` and returns what it printed; it must succeed.
    static func run(_ program: String, _ arguments: String...) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(program) \(arguments.joined(separator: " "))")
        return data
    }
}
