import Build
import Core
import Foundation
import Preview
import Testing

@Suite struct PreviewSiteTests {
    @Test func buildsWithDraftsAndTellsListeningPagesOfEachOutcome() async throws {
        let workspace = try PreviewWorkspace()
        defer { workspace.remove() }
        let site = PreviewSite(options: workspace.options, output: workspace.output)

        guard case .built = await site.rebuild() else { Issue.record("the first build failed"); return }
        #expect(await site.generation == 1)
        #expect(workspace.read("cases/draft-01/index.html")?.contains("草稿") == true)

        var events = await site.events().makeAsyncIterator()
        #expect(await events.next() == .status(generation: 1, problems: []))

        try workspace.edit("cases/draft-01.md", replacing: "尚未完成。", with: "正文改过了。")
        guard case .built = await site.rebuild() else { Issue.record("the edit did not build"); return }
        #expect(await events.next() == .reload(generation: 2))
        #expect(workspace.read("cases/draft-01/index.html")?.contains("正文改过了。") == true)

        try workspace.edit("cases/draft-01.md", replacing: "title: 草稿案例\n", with: "")
        guard case .failed(let problems) = await site.rebuild() else { Issue.record("a missing title built"); return }
        #expect(problems.contains { $0.location.path == "content/cases/draft-01.md" && $0.isError })
        guard case .failed(let sent) = await events.next() else { Issue.record("no failure was sent"); return }
        #expect(sent.allSatisfy(\.isError) && !sent.isEmpty)
        #expect(await site.problems == sent)
        #expect(workspace.read("cases/draft-01/index.html")?.contains("正文改过了。") == true)

        try workspace.edit("cases/draft-01.md", replacing: "date:", with: "title: 草稿案例\ndate:")
        guard case .built = await site.rebuild() else { Issue.record("the fix did not build"); return }
        #expect(await events.next() == .reload(generation: 3))
        #expect(await site.problems.isEmpty)

        guard case .unchanged = await site.rebuild() else { Issue.record("a build with no change changed the site"); return }
        #expect(await site.generation == 3)
    }

    @Test func aListenerThatStopsListeningIsForgotten() async throws {
        let workspace = try PreviewWorkspace()
        defer { workspace.remove() }
        let site = PreviewSite(options: workspace.options, output: workspace.output)
        do {
            var events = await site.events().makeAsyncIterator()
            _ = await events.next()
            #expect(await site.listenerCount == 1)
        }
        for _ in 0..<100 where await site.listenerCount > 0 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(await site.listenerCount == 0)
    }

    @Test func theDefaultFolderIsPrivateToTheContentAndNeverTheSite() {
        let a = PreviewSite.defaultOutput(
            content: URL(fileURLWithPath: "/a/content"), templates: URL(fileURLWithPath: "/a/templates"))
        let b = PreviewSite.defaultOutput(
            content: URL(fileURLWithPath: "/b/content"), templates: URL(fileURLWithPath: "/a/templates"))
        #expect(a != b)
        #expect(a.path.hasPrefix(FileManager.default.temporaryDirectory.path))
        #expect(a.lastPathComponent == "site" && a.deletingLastPathComponent().lastPathComponent.hasPrefix("portal-preview-"))
    }
}
