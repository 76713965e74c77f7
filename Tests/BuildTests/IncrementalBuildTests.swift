import Build
import Core
import Foundation
import Testing

/// An output brought up to date after an edit must be byte for byte what a clean build of the
/// edited sources makes, `.gz` twins included, whatever the edit.
@Suite struct IncrementalBuildTests {
    /// A copy of the fixture content and of the templates, an output updated in place after
    /// every edit, and a clean build of the same sources to compare it with.
    struct Workspace {
        let fixture: FixtureWorkspace
        var root: URL { fixture.root }
        var content: URL { fixture.content }
        var updated: URL { fixture.output }
        var options: SiteBuilder.Options { fixture.options }
        /// The state kept in memory between builds, as `portal serve` keeps it; nil to read it
        /// from disk each time, as `portal build` does.
        let resident: ResidentState?

        init(keepingState: Bool = false) throws {
            fixture = try FixtureWorkspace(copyingTemplates: true)
            resident = keepingState ? ResidentState() : nil
        }

        func edit(_ path: String, _ change: (String) -> String) throws {
            let url = root.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            let changed = change(text)
            #expect(changed != text, "the edit of \(path) changes it")
            try changed.write(to: url, atomically: true, encoding: .utf8)
        }

        func move(_ path: String, to newPath: String) throws {
            try FileManager.default.moveItem(at: root.appendingPathComponent(path), to: root.appendingPathComponent(newPath))
        }

        /// Updates the output in place, builds the same sources cleanly beside it, and compares.
        func updateAndCompare(after edit: String) async throws -> SiteBuilder.Report {
            let report = try await SiteBuilder(options: options).publish(to: updated, keeping: resident)
            let clean = root.appendingPathComponent("clean")
            defer { try? FileManager.default.removeItem(at: clean) }
            var cleanOptions = options
            cleanOptions.updatesInPlace = false
            let cleanReport = try await SiteBuilder(options: cleanOptions).publish(to: clean)
            #expect(report.warnings.sorted() == cleanReport.warnings.sorted(), "the same warnings after: \(edit)")
            #expect(report.pageCount == cleanReport.pageCount)
            #expect(report.fileCount == cleanReport.fileCount)
            let expected = try FixtureSite.snapshot(clean)
            let actual = try FixtureSite.snapshot(updated)
            #expect(Set(actual.keys) == Set(expected.keys), "the same files after: \(edit)")
            let differing = expected.keys.filter { actual[$0] != nil && actual[$0] != expected[$0] }.sorted()
            #expect(differing.isEmpty, "files that differ after \(edit): \(differing)")
            return report
        }
    }

    /// Run twice: with the state read from disk before each build, and kept in memory.
    @Test(arguments: [false, true]) func anUpdatedOutputEqualsACleanBuildAfterEveryEdit(keepingState: Bool) async throws {
        let workspace = try Workspace(keepingState: keepingState)
        defer { workspace.fixture.remove() }
        let first = try await workspace.updateAndCompare(after: "the first build")
        #expect(first.changedFiles == first.fileCount)

        let unchanged = try await workspace.updateAndCompare(after: "nothing")
        #expect(unchanged.changedFiles == 0, "a build with nothing changed writes nothing")
        #expect(unchanged.removedFiles == 0)
        #expect(unchanged.wasQuick)

        if keepingState {
            // The state in memory is used, not the one on disk.
            let cache = workspace.updated.deletingLastPathComponent().appendingPathComponent(".portal-cache")
            try FileManager.default.removeItem(at: cache)
        }
        try workspace.edit("content/cases/case-05.md") { $0 + "\n新增的一段经验做法。\n" }
        let bodyEdit = try await workspace.updateAndCompare(after: "a body edit")
        // Its page, its 公众号 article, its document shard and the term shards of its new words,
        // the index's files each with its .gz.
        #expect((4...12).contains(bodyEdit.changedFiles), "a body edit rewrites its page and its part of the search index")
        #expect(bodyEdit.wasQuick, "only the edited case is read and rendered")

        // Words no other document has add terms to the index, and taking them out again removes
        // those terms; the search index files are compared with a clean build's like any other.
        try workspace.edit("content/cases/case-05.md") { $0 + "\n鹦鹉螺号甄嬛传。\n" }
        let newWords = try await workspace.updateAndCompare(after: "words found nowhere else")
        #expect(newWords.wasQuick)
        try workspace.edit("content/cases/case-05.md") { $0.replacingOccurrences(of: "\n鹦鹉螺号甄嬛传。\n", with: "") }
        let wordsGone = try await workspace.updateAndCompare(after: "those words taken out")
        #expect(wordsGone.wasQuick)

        try workspace.edit("content/cases/draft-01.md") { $0 + "\n草稿里新增的一段。\n" }
        let draft = try await workspace.updateAndCompare(after: "a draft's body")
        #expect(draft.wasQuick)
        #expect(draft.changedFiles == 0, "a draft is on no page and in no index")

        try workspace.edit("content/cases/case-05.md") { $0 + "\n<span>原始 HTML</span>\n" }
        let warned = try await workspace.updateAndCompare(after: "a body edit with a warning")
        #expect(warned.wasQuick)
        #expect(warned.warnings.contains { $0.location.path == "content/cases/case-05.md" && !$0.isError })

        try workspace.edit("content/cases/case-05.md") { $0.replacingOccurrences(of: "<span>原始 HTML</span>", with: "") }
        _ = try await workspace.updateAndCompare(after: "the warning put right")

        try workspace.edit("content/cases/case-06.md") { $0 + "\n## 新的小标题\n" }
        let heading = try await workspace.updateAndCompare(after: "a new heading")
        #expect(!heading.wasQuick, "a new anchor may mend or break links elsewhere: everything is loaded")

        try workspace.edit("content/cases/case-07.md") {
            $0.replacingOccurrences(of: "title: \"西津区", with: "title: \"改名后的西津区")
        }
        let title = try await workspace.updateAndCompare(after: "a title change")
        #expect(title.wasQuick, "the lists and other cases' pages that show the title are rendered again")
        #expect(title.changedFiles < title.fileCount / 4, "only the pages that read the title are written: \(title.changedFiles)")

        // Front matter edits that keep every page: each shows on other pages, which are found
        // and rendered again without loading everything.
        let frontMatterEdits: [(file: String, from: String, to: String, edit: String)] = [
            ("case-01", "title: \"西津区小微企业党建案例1\"", "title: \"课程所用的案例1\"", "the title of a case a course uses"),
            ("case-12", "summary: \"第12个案例的摘要。\"", "summary: \"改过的摘要。\"", "a summary"),
            ("case-01", "date: 2024-02-02", "date: 2025-12-01", "a date that makes a case the newest"),
            ("case-15", "date: 2024-04-16", "date: 2024-04-17", "a date that keeps the order"),
            ("case-13", "district: 西津区", "district: 南浦区", "a district"),
            ("case-17", "category: 专业市场", "category: 小微企业", "a category"),
            ("case-08", "sites: []", "sites: [site-01]", "the sites of a case"),
            ("case-08", "tags: [六有, 三亮]", "tags: [诚信经营]", "tags, to one other cases have"),
            ("case-18", "author: 测试作者", "author: 另一位作者", "an author"),
        ]
        for change in frontMatterEdits {
            try workspace.edit("content/cases/\(change.file).md") { $0.replacingOccurrences(of: change.from, with: change.to) }
            let report = try await workspace.updateAndCompare(after: "a change of \(change.edit)")
            #expect(report.wasQuick, "a change of \(change.edit) is a quick rebuild")
        }

        try workspace.edit("content/cases/case-08.md") { $0.replacingOccurrences(of: "tags: [诚信经营]", with: "tags: [新标签]") }
        let newTag = try await workspace.updateAndCompare(after: "a new tag")
        #expect(!newTag.wasQuick, "a new tag adds a list of cases: everything is loaded")

        try workspace.move("content/cases/case-25.md", to: "content/cases/case-25-renamed.md")
        let rename = try await workspace.updateAndCompare(after: "a rename")
        #expect(rename.removedFiles >= 2, "the old page and its 公众号 article are removed")

        // case-25 is the only one that links to case-24.
        for name in ["case-25-renamed.md", "case-24.md"] {
            try FileManager.default.removeItem(at: workspace.content.appendingPathComponent("cases/\(name)"))
        }
        _ = try await workspace.updateAndCompare(after: "a deletion")

        try FileManager.default.copyItem(
            at: workspace.content.appendingPathComponent("cases/case-11.md"),
            to: workspace.content.appendingPathComponent("cases/case-30.md"))
        try workspace.edit("content/cases/case-30.md") { $0.replacingOccurrences(of: "案例11", with: "新增案例") }
        _ = try await workspace.updateAndCompare(after: "a new case")

        // A template that case pages do not use: only the pages that use it render again.
        for (template, edit) in [
            ("case-list", "a list template"), ("site", "the template of sites"),
            ("partials/pagination", "a partial only lists use"), ("liaison", "the liaison duties' template"),
            ("district", "the template of district columns"), ("districts", "the template of the district index"),
        ] {
            try workspace.edit("templates/\(template).mustache") {
                $0.contains("{{/content}}")
                    ? $0.replacingOccurrences(of: "{{/content}}", with: "<p>新的一行</p>\n{{/content}}")
                    : $0 + "\n<p>新的一行</p>\n"
            }
            let report = try await workspace.updateAndCompare(after: "a change of \(edit)")
            #expect(report.wasQuick, "a change of \(edit) is a quick rebuild")
        }
        try workspace.edit("templates/assets/portal.css") { $0 + "\n.note { color: #333; }\n" }
        let stylesheet = try await workspace.updateAndCompare(after: "a stylesheet change")
        #expect(stylesheet.wasQuick)
        #expect(stylesheet.changedFiles == 2, "the stylesheet and its .gz")

        try workspace.edit("templates/base.mustache") { $0.replacingOccurrences(of: "</footer>", with: "<p>新页脚</p></footer>") }
        let template = try await workspace.updateAndCompare(after: "a template change")
        #expect(!template.wasQuick, "case pages use the layout, and their bodies are not kept")
        #expect(template.changedFiles > template.fileCount / 2, "a layout change rewrites every page")

        try workspace.edit("content/portal.yaml") { $0.replacingOccurrences(of: "title: 测试市", with: "title: 新测试市") }
        _ = try await workspace.updateAndCompare(after: "a change of portal.yaml")

        try workspace.edit("content/data/sites.yaml") {
            $0.replacingOccurrences(of: "name: 西津古街党员服务站", with: "name: 西津古街党员服务驿站")
        }
        _ = try await workspace.updateAndCompare(after: "a change of sites.yaml")
    }

    @Test(arguments: [false, true]) func aFailedBuildLeavesTheNextOneQuick(keepingState: Bool) async throws {
        let workspace = try Workspace(keepingState: keepingState)
        defer { workspace.fixture.remove() }
        _ = try await workspace.updateAndCompare(after: "the first build")
        #expect(workspace.resident?.holdsState ?? true, "a build leaves its state in memory when asked to")
        let before = try FixtureSite.snapshot(workspace.updated)
        try workspace.edit("content/cases/case-05.md") { $0.replacingOccurrences(of: "district: ", with: "district: 不存在的区\nx: ") }
        await #expect(throws: DiagnosticsError.self) {
            try await SiteBuilder(options: workspace.options).publish(to: workspace.updated, keeping: workspace.resident)
        }
        #expect(workspace.resident?.holdsState != true, "after a failure the state is read from disk again")
        #expect(try FixtureSite.snapshot(workspace.updated) == before, "a failed build leaves the output as it was")
        try workspace.edit("content/cases/case-05.md") {
            $0.replacingOccurrences(of: "district: 不存在的区\nx: ", with: "district: ") + "\n改正后补充的一段。\n"
        }
        let fixed = try await workspace.updateAndCompare(after: "the error put right")
        #expect(fixed.wasQuick, "the state of the last good build is still used")
        #expect((4...14).contains(fixed.changedFiles), "the page, its 公众号 article and its part of the search index")
    }

    @Test func aFileChangedByHandInTheOutputIsPutRight() async throws {
        let workspace = try Workspace()
        defer { workspace.fixture.remove() }
        _ = try await workspace.updateAndCompare(after: "the first build")
        try Data("tampered".utf8).write(to: workspace.updated.appendingPathComponent("index.html"))
        try FileManager.default.removeItem(at: workspace.updated.appendingPathComponent("feed.xml.gz"))
        let report = try await workspace.updateAndCompare(after: "changes by hand")
        #expect(report.changedFiles == 4, "index.html and feed.xml are written again, each with its .gz")
    }

    @Test func theSharedFilesHaveAGzipTwinWithTheSameText() async throws {
        let workspace = try Workspace()
        defer { workspace.fixture.remove() }
        _ = try await SiteBuilder(options: workspace.options).publish(to: workspace.updated)
        let files = try FixtureSite.snapshot(workspace.updated)
        let texts = files.keys.filter { [".html", ".css", ".js", ".xml", ".csv"].contains(where: $0.hasSuffix) }
        #expect(texts.count > 50)
        for path in texts {
            let shared = path.hasPrefix("assets/") || path.hasPrefix("search/") || path.split(separator: "/").count <= 2
            #expect((files[path + ".gz"] != nil) == shared, "\(path).gz")
        }
        for path in ["index.html", "feed.xml", "assets/portal.css", "cases/index.html", "search/meta.js"] {
            let unzipped = try FixtureSite.run("gzip", "-dc", workspace.updated.appendingPathComponent(path + ".gz").path)
            #expect(unzipped == files[path], "\(path).gz holds \(path)")
        }
    }

    /// The same folders named another way (`content`, an absolute path, `./content/`) are the
    /// same build: the next one goes on from the state, and the warnings it keeps are named as
    /// the command names the folders now.
    @Test func theSameFoldersNamedOtherwiseKeepTheBuildQuick() async throws {
        let workspace = try Workspace()
        defer { workspace.fixture.remove() }
        try workspace.edit("content/cases/case-05.md") { $0 + "\n<span>原始 HTML</span>\n" }
        _ = try await workspace.updateAndCompare(after: "the first build")
        for (content, templates) in [(workspace.fixture.content.path, "/templates"), ("./content", "templates")] {
            var options = workspace.options
            options.contentDisplay = content
            options.templatesDisplay = templates
            let report = try await SiteBuilder(options: options).publish(to: workspace.updated)
            #expect(report.wasQuick, "\(content)")
            #expect(report.changedFiles == 0)
            #expect(report.warnings.map(\.location.path).contains(content + "/cases/case-05.md"), "\(report.warnings)")
            #expect(!report.warnings.contains { $0.location.path.hasPrefix("content/") })
        }
    }
}
