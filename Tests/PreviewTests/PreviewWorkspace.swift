import Build
import Core
import Foundation

/// A copy of the build tests' fixture content in a temporary folder, with the project's
/// templates and a preview folder beside it.
struct PreviewWorkspace {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let root: URL
    var content: URL { root.appendingPathComponent("content") }
    var templates: URL { Self.packageRoot.appendingPathComponent("templates") }
    var output: URL { root.appendingPathComponent("preview") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("portal-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.packageRoot.appendingPathComponent("Tests/BuildTests/Fixtures/portal/content"), to: content)
    }

    var options: SiteBuilder.Options {
        SiteBuilder.Options(
            content: content, templates: templates, contentDisplay: "content", templatesDisplay: "templates", parallelism: 4,
            today: Day(year: 2026, month: 1, day: 1)!)
    }

    /// Replaces `old` with `new` in a content file.
    func edit(_ file: String, replacing old: String, with new: String) throws {
        let url = content.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        precondition(text.contains(old), "\(file) has no \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: output.appendingPathComponent(path).path).map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
