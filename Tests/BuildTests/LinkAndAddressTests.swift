import Build
import Core
import Foundation
import Testing

@Suite struct LinkAndAddressTests {
    /// Sets the tags of the fixture's first two cases.
    func contentWithTags(_ first: String, _ second: String) throws -> URL {
        let content = try FixtureSite.copy()
        for (file, tag) in [("case-01.md", first), ("case-02.md", second)] {
            let url = content.appendingPathComponent("cases/\(file)")
            let text = try String(contentsOf: url, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.hasPrefix("tags:") ? "tags: [\"\(tag)\"]" : String(line)
            }
            try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        }
        return content
    }

    @Test(arguments: [("ABC", "abc"), ("六有 阵地", "六有-阵地")])
    func refusesTwoTagsThatMapToOneAddress(_ tags: (String, String)) async throws {
        let content = try contentWithTags(tags.0, tags.1)
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        await #expect {
            _ = try await SiteBuilder(options: FixtureSite.options(content: content)).build(into: MemorySink())
        } throws: { error in
            let messages = (error as? DiagnosticsError)?.diagnostics.map(\.message) ?? []
            return messages.count == 1 && messages[0].hasPrefix("两个页面的网址相同：/tags/")
        }
    }

    /// Canonically equivalent spellings are one tag (Swift compares strings that way), so they
    /// share one page instead of claiming one address twice.
    @Test func mergesTagsThatDifferOnlyInUnicodeNormalisation() async throws {
        let content = try contentWithTags("Café", "Cafe\u{301}")
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let sink = MemorySink()
        _ = try await SiteBuilder(options: FixtureSite.options(content: content)).build(into: sink)
        let files = await sink.files
        let page = try #require(files.text("tags/café/index.html"))
        #expect(page.contains("共 2 篇"))
        #expect(files.keys.count(where: { $0.hasPrefix("tags/caf") && $0.hasSuffix(".html") }) == 1)
    }

    @Test func warnsAboutAPageNothingLinksTo() async throws {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("portal-links-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: workspace) }
        let templates = workspace.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: FixtureSite.templates, to: templates)
        // A web editor removes the navigation and the breadcrumbs; the members page was linked
        // from nowhere else.
        let base = templates.appendingPathComponent("base.mustache")
        var text = try String(contentsOf: base, encoding: .utf8)
        for section in ["navigation", "hasBreadcrumbs"] {
            let start = try #require(text.range(of: "{{#\(section)}}"))
            let end = try #require(text.range(of: "{{/\(section)}}"))
            text.replaceSubrange(start.lowerBound..<end.upperBound, with: "")
        }
        try text.write(to: base, atomically: true, encoding: .utf8)
        let options = SiteBuilder.Options(
            content: FixtureSite.content, templates: templates, contentDisplay: "content", templatesDisplay: "templates",
            today: FixtureSite.today)
        let report = try await SiteBuilder(options: options).build(into: MemorySink())
        #expect(
            report.warnings.map(\.description).contains(
                "content:1:1: warning: 没有任何页面链接到 members/index.html\n  hint: 读者只能通过输入网址找到它；检查模板中的导航和列表"))
    }
}
