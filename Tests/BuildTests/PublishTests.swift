import Build
import Core
import Foundation
import Testing

@Suite struct PublishTests {
    /// Every file below `folder` with its bytes.
    func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        for case let path as String in enumerator {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    @Test func aFailingBuildLeavesThePublishedSiteUnchanged() async throws {
        let content = try FixtureSite.copy()
        let workspace = content.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let output = workspace.appendingPathComponent("site")
        let builder = SiteBuilder(options: FixtureSite.options(content: content))
        _ = try await builder.publish(to: output)
        let before = try snapshot(output)
        #expect(before["cases/case-01/index.html"] != nil)

        let broken = content.appendingPathComponent("cases/case-02.md")
        try "---\ntitle: 没有结束\n".write(to: broken, atomically: true, encoding: .utf8)
        await #expect(throws: DiagnosticsError.self) { try await builder.publish(to: output) }

        #expect(try snapshot(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.path).sorted()
        #expect(leftovers == ["content", "site"], "no staging folder is left behind")
    }

    @Test func aSuccessfulBuildReplacesTheWholeOutput() async throws {
        let content = try FixtureSite.copy()
        let workspace = content.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let output = workspace.appendingPathComponent("site")
        try FileManager.default.createDirectory(
            at: output.appendingPathComponent("cases/removed"), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: output.appendingPathComponent("cases/removed/index.html"))
        _ = try await SiteBuilder(options: FixtureSite.options(content: content)).publish(to: output)
        let files = try snapshot(output)
        #expect(files["cases/removed/index.html"] == nil)
        #expect(files["index.html"] != nil)
        let attributes = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("index.html").path)
        #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o444 == 0o444 } == true, "world-readable")
    }

    @Test(arguments: ["content", "content/site", "."])
    func refusesAnOutputThatOverlapsTheSources(_ relative: String) async throws {
        let content = try FixtureSite.copy()
        let workspace = content.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let output = workspace.appendingPathComponent(relative)
        let before = try snapshot(content)
        await #expect(throws: DiagnosticsError.self) {
            try await SiteBuilder(options: FixtureSite.options(content: content)).publish(to: output)
        }
        #expect(try snapshot(content) == before)
    }
}
