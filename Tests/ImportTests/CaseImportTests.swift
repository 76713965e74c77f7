import Build
import Content
import Core
import Foundation
import Import
import Testing

/// `portal import case` on documents saved by python-docx and by LibreOffice (see
/// `Fixtures/make_documents.py`): the Markdown is compared with `Fixtures/golden/*.md`
/// (`UPDATE_GOLDEN=1` rewrites them, to be reviewed in the diff).
@Suite struct CaseImportTests {
    static let today = Day(year: 2026, month: 3, day: 18)!
    static let golden = ImportWorkspace.fixtures.appendingPathComponent("golden")

    static func request(_ name: String, slug: String? = nil) -> CaseImporter.Request {
        var request = CaseImporter.Request(
            file: ImportWorkspace.fixtures.appendingPathComponent(name), displayPath: name, district: "东湖区",
            category: "专业市场")
        request.draft.slug = slug
        return request
    }

    static func problems(_ request: CaseImporter.Request, in workspace: ImportWorkspace) -> [String] {
        do {
            _ = try CaseImporter(loader: workspace.loader).run(request, today: today)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test(arguments: ["python-docx", "libreoffice", "libreoffice-extras"])
    func writesTheDocumentAsTheGoldenMarkdown(_ name: String) throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let imported = try CaseImporter(loader: workspace.loader).run(Self.request("\(name).docx", slug: name), today: Self.today)
        #expect(imported.path == "cases/\(name).md")
        let text = try workspace.text(imported.path)
        let golden = Self.golden.appendingPathComponent("\(name).md")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: golden)
        }
        #expect(text == (try String(contentsOf: golden, encoding: .utf8)))
    }

    @Test func listsWhatPythonDocxWroteButMarkdownCannotHoldAtItsParagraph() throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let imported = try CaseImporter(loader: workspace.loader).run(Self.request("python-docx.docx"), today: Self.today)
        #expect(
            imported.warnings.map(\.description) == [
                "python-docx.docx: 第 14 段（“指标”）: warning: 表格中有合并的单元格，已拆开：文字只留在合并前的第一格\n"
                    + "  hint: 在 content/cases/2026-03-18-1.md 中核对这张表格",
                "python-docx.docx: 第 25 段（“市场投诉量下降一半。”）: warning: 批注没有导入：“王建华：数字请再核对”\n"
                    + "  hint: 批注是给写稿人看的，不会发布；按批注改好稿件后可在 Word 中删除批注",
            ])
    }

    @Test func warnsOfTextBoxesEquationsCommentsAndJoinedCellsFromLibreOffice() throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let imported = try CaseImporter(loader: workspace.loader).run(
            Self.request("libreoffice-extras.docx"), today: Self.today)
        #expect(
            imported.warnings.map(\.description) == [
                "libreoffice-extras.docx: 第 1 段（“正文第一段。批注之后……”）: warning: 批注没有导入：“李审核：这里要改”\n"
                    + "  hint: 批注是给写稿人看的，不会发布；按批注改好稿件后可在 Word 中删除批注",
                "libreoffice-extras.docx: 第 2 段（“二是强化服务”）: warning: 文本框中的文字没有导入：“文本框里的说明文字”\n"
                    + "  hint: 网页上没有文本框：需要的话把这段文字写进正文",
                "libreoffice-extras.docx: 第 3 段（“面积公式 S=ab ……”）: warning: 公式按纯文字导入：“S=ab”\n"
                    + "  hint: 网页不显示 Word 公式：在稿件中核对这段文字，或把公式做成图片",
                "libreoffice-extras.docx: 第 4 段（“项目”）: warning: 表格中有几段文字的单元格，已连成一段\n"
                    + "  hint: 在 content/cases/2026-03-18-1.md 中核对这张表格",
            ])
    }

    @Test(arguments: ["python-docx", "libreoffice"])
    func savesThePictureBesideTheWriteUpAsTheDocumentHoldsIt(_ name: String) throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let imported = try CaseImporter(loader: workspace.loader).run(
            Self.request("\(name).docx", slug: name), today: Self.today)
        #expect(imported.pictures == ["cases/\(name)/图片1.jpg"])
        let saved = try #require(
            FileManager.default.contents(atPath: workspace.content.appendingPathComponent(imported.pictures[0]).path))
        #expect(saved.starts(with: [0xFF, 0xD8]))
        #expect(saved.count > 10_000)
        #expect(saved.range(of: Data("Exif".utf8)) != nil, "the original is kept; the build takes the metadata out")
    }

    @Test func theImportedCaseBuildsAndItsPhotoIsPublishedWithoutItsGPSPosition() async throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        _ = try CaseImporter(loader: workspace.loader).run(Self.request("python-docx.docx", slug: "docx-case"), today: Self.today)
        let options = SiteBuilder.Options(
            content: workspace.content, templates: ImportWorkspace.packageRoot.appendingPathComponent("templates"),
            contentDisplay: "content", templatesDisplay: "templates", parallelism: 2, includeUnpublished: true,
            today: Day(year: 2026, month: 12, day: 3)!)
        let sink = MemorySink()
        _ = try await SiteBuilder(options: options).build(into: sink)
        let files = await sink.files
        let photos = files.filter { $0.key.hasPrefix("media/cases/docx-case/图片1-800.") }
        #expect(photos.count == 1)
        let photo = try #require(photos.values.first)
        #expect(Data(photo).range(of: Data("Exif".utf8)) == nil)
        let page = String(decoding: try #require(files["cases/docx-case/index.html"]), as: UTF8.self)
        #expect(page.contains("alt=\"党群服务中心外景\""))
        #expect(page.contains("href=\"#注释\""))
        #expect(page.contains("id=\"注释\""))
    }

    @Test func refusesTrackedChangesListingEachAndWritesNothing() throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let hint =
            "  hint: 在 Word 中选“审阅 → 接受 → 接受所有修订”（或“拒绝所有修订”），WPS 中选“审阅 → 接受 → 接受对文档所做的所有修订”，保存后再导入"
        #expect(
            Self.problems(Self.request("libreoffice-tracked.docx", slug: "tracked"), in: workspace) == [
                "libreoffice-tracked.docx: 第 1 段（“全年开展宣讲二十次，……”）: error: 有未处理的修订：删除了“三十余次”\n" + hint,
                "libreoffice-tracked.docx: 第 1 段（“全年开展宣讲二十次，……”）: error: 有未处理的修订：插入了“二十次”\n" + hint,
            ])
        #expect(!FileManager.default.fileExists(atPath: workspace.content.appendingPathComponent("cases/tracked.md").path))
    }

    @Test(arguments: [
        (
            "libreoffice.doc",
            "libreoffice.doc: error: 这是旧版 Word 或 WPS 文档（.doc、.wps）或设了打开密码的文档，不是 .docx\n"
                + "  hint: 在 Word 或 WPS 中打开，“文件 → 另存为”，文件类型选“Word 文档（*.docx）”（有密码的先取消密码），再导入另存的文件"
        ),
        (
            "libreoffice.odt",
            "libreoffice.odt: error: 这是 OpenDocument 文本（.odt），不是 .docx\n"
                + "  hint: 在 WPS 或 LibreOffice 中打开，“另存为”时文件类型选“Word 文档（*.docx）”"
        ),
        (
            "not-a-document.docx",
            "not-a-document.docx: error: 不是 Word 文档（.docx）：压缩包里没有 word/document.xml\n"
                + "  hint: 在 Word 或 WPS 中打开，另存为“Word 文档（*.docx）”"
        ),
        (
            "members.xlsx",
            "members.xlsx: error: 这是 Excel 工作簿，不是 Word 文档\n"
                + "  hint: 稿件要用 Word 或 WPS 文字写，保存为 .docx；表格数据用 portal import members|sites 导入"
        ),
        (
            "members-bom.csv",
            "members-bom.csv: error: 不是 Word 文档（.docx）：文件不是 .docx 那样的压缩包\n"
                + "  hint: 在 Word 或 WPS 中打开，另存为“Word 文档（*.docx）”；网页、纯文本和 PDF 不能导入"
        ),
        (
            "稿件.docx",
            "稿件.docx: error: 找不到文件\n"
                + "  hint: 检查文件名和所在文件夹；文件名有空格时加引号：portal import case \"我的 稿件.docx\" …"
        ),
    ])
    func refusesWhatIsNotADocxWithWhatToDo(_ name: String, _ expected: String) throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        #expect(Self.problems(Self.request(name), in: workspace) == [expected])
    }

    @Test func listsAnUnknownDistrictTogetherWithAMissingFile() throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        var request = Self.request("稿件.docx")
        request.draft.district = "东湖"
        let problems = Self.problems(request, in: workspace)
        #expect(problems.count == 2)
        #expect(problems.contains { $0.hasPrefix("error: 选项 --district：未知的区 '东湖'\n  hint: 是不是 '东湖区'？") })
        #expect(problems.contains { $0.hasPrefix("稿件.docx: error: 找不到文件") })
    }

    @Test func neverOverwritesAnExistingCase() throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let importer = CaseImporter(loader: workspace.loader)
        _ = try importer.run(Self.request("libreoffice.docx", slug: "once"), today: Self.today)
        let before = try workspace.text("cases/once.md")
        #expect(
            Self.problems(Self.request("python-docx.docx", slug: "once"), in: workspace).filter { $0.contains("error: ") } == [
                "error: 选项 --slug：网址名 'once' 已被 cases/ 中的文件使用\n  hint: 换一个，或不写 --slug，由日期和序号生成"
            ])
        #expect(try workspace.text("cases/once.md") == before)
        let second = try importer.run(Self.request("python-docx.docx"), today: Self.today)
        #expect(second.path == "cases/2026-03-18-1.md")
    }

    @Test func takesTheTitleFromTheTitleStyleOrElseTheTitleProperty() throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let importer = CaseImporter(loader: workspace.loader)
        let fromStyle = try importer.run(Self.request("python-docx.docx", slug: "a"), today: Self.today)
        #expect(try workspace.text(fromStyle.path).contains("title: \"东湖区水产市场：党群服务中心让红色引擎转起来\"\n"))
        let fromProperty = try importer.run(Self.request("libreoffice.docx", slug: "b"), today: Self.today)
        #expect(try workspace.text(fromProperty.path).contains("title: \"西津区古街：诚信经营户挂牌亮诺\"\n"))
    }
}
