import Content
import Foundation
import Testing

/// One small broken site per message about news reports, notices and policy documents, each
/// with its exact text and location: the base site with one of each, changed in one way.
@Suite struct ArticleFixtureTests {
    static let news = """
        ---
        title: 市局召开推进会
        date: 2025-05-01
        summary: 部署全年工作。
        district: 东湖区
        ---

        会议部署了全年工作。

        """
    static let notice = """
        ---
        title: 关于报送典型案例的通知
        date: 2025-05-01
        until: 2025-06-30
        summary: 六月底前报送。
        ---

        请按时报送。

        """
    static let policy = """
        ---
        title: 示范点建设三年行动方案
        number: X市监党〔2025〕3号
        issuer: 中共X市市场监督管理局党组
        date: 2025-02-18
        attachment: p.pdf
        ---

        建成示范点50个。

        """
    static let base: [String: String?] = [
        "news/n.md": news, "notices/t.md": notice, "policies/p.md": policy, "policies/p.pdf": "%PDF-1.4\n",
    ]

    /// The base site with `changes` applied: a string replaces or adds a file, nil removes it.
    static func site(_ changes: [String: String?]) throws -> InlineSite {
        try InlineSite(base.merging(changes) { _, new in new })
    }

    static func withNumber(_ number: String) -> String {
        policy.replacingOccurrences(of: "X市监党〔2025〕3号", with: number)
    }

    static let fixtures: [ErrorFixtureTests.Fixture] = [
        .init(
            "coverThatIsNotAPhoto",
            ["news/n.md": news.replacingOccurrences(of: "district: 东湖区\n", with: "cover: n.pdf\n"), "news/n.pdf": "%PDF"],
            [
                "content/news/n.md:5:8: error: 封面 'n.pdf' 不是照片\n  hint: 封面用 .jpg、.jpeg、.png 或 .webp 图片，放在本文件旁边"
            ]),
        .init(
            "coverThatIsMissing",
            ["news/n.md": news.replacingOccurrences(of: "district: 东湖区\n", with: "cover: n.jpg\n")],
            [
                "content/news/n.md:5:8: error: 封面图片不存在：n.jpg\n  hint: 把文件放在本文件旁边，写它的文件名，如 n.jpg"
            ]),
        .init(
            "caseCoverThatIsMissing",
            [
                "cases/a.md": InlineSite.base["cases/a.md"]!.replacingOccurrences(
                    of: "author: 东湖区市场监管局\n", with: "author: 东湖区市场监管局\ncover: a.jpg\n")
            ],
            [
                "content/cases/a.md:9:8: error: 封面图片不存在：a.jpg\n  hint: 把文件放在本文件旁边，写它的文件名，如 a.jpg"
            ]),
        .init(
            "coverTextWithoutACover",
            ["news/n.md": news.replacingOccurrences(of: "district: 东湖区\n", with: "cover_alt: 会场\n")],
            [
                "content/news/n.md:5:12: error: 写了 cover_alt 却没有 cover\n  hint: 加一行 cover: 图片文件名，或者删除 cover_alt"
            ]),
        .init(
            "noticeEndingBeforeItIsIssued",
            ["notices/t.md": notice.replacingOccurrences(of: "until: 2025-06-30", with: "until: 2025-04-30")],
            [
                "content/notices/t.md:4:8: error: 截止日期 2025-04-30 早于发布日期 2025-05-01\n  hint: until 写通知不再适用前的最后一天，不能早于 date"
            ]),
        .init(
            "documentNumberWithSquareBrackets",
            ["policies/p.md": withNumber("X市监党[2025]3号")],
            [
                "content/policies/p.md:3:9: error: 文号 'X市监党[2025]3号' 写法不规范\n  hint: 年份用六角括号〔〕，序号不加 0：写成 X市监党〔2025〕3号"
            ]),
        .init(
            "documentNumberWithRoundBrackets",
            ["policies/p.md": withNumber("X市监党（2025）3号")],
            [
                "content/policies/p.md:3:9: error: 文号 'X市监党（2025）3号' 写法不规范\n  hint: 年份用六角括号〔〕，序号不加 0：写成 X市监党〔2025〕3号"
            ]),
        .init(
            "documentNumberWithAPaddedSerial",
            ["policies/p.md": withNumber("X市监党〔2025〕03号")],
            [
                "content/policies/p.md:3:9: error: 文号 'X市监党〔2025〕03号' 写法不规范\n  hint: 年份用六角括号〔〕，序号不加 0：写成 X市监党〔2025〕3号"
            ]),
        .init(
            "documentNumberOfAnotherShape",
            ["policies/p.md": withNumber("2025年第3号")],
            [
                "content/policies/p.md:3:9: error: 文号 '2025年第3号' 不是“机关代字〔年份〕序号号”的格式\n  hint: 如 X市监党〔2025〕3号：机关代字，六角括号〔〕中的四位年份，序号后加“号”"
            ]),
        .init(
            "attachmentOfAnotherFormat",
            [
                "policies/p.md": policy.replacingOccurrences(of: "attachment: p.pdf", with: "attachment: p.zip"),
                "policies/p.pdf": nil, "policies/p.zip": "PK",
            ],
            [
                "content/policies/p.md:6:13: error: 附件 'p.zip' 不是公文原件的格式\n  hint: 附件用 .pdf、.docx、.doc、.wps、.ofd 文件，放在本文件旁边"
            ]),
        .init(
            "attachmentThatIsMissing",
            ["policies/p.pdf": nil],
            [
                "content/policies/p.md:6:13: error: 附件不存在：p.pdf\n  hint: 把文件放在本文件旁边，写它的文件名，如 p.pdf"
            ]),
        .init(
            "attachmentMisspelled",
            ["policies/p.md": policy.replacingOccurrences(of: "attachment: p.pdf", with: "attachment: q.pdf")],
            [
                "content/policies/p.md:6:13: error: 附件不存在：q.pdf\n  hint: 是不是 'p.pdf'？",
                "content/policies/p.pdf:1:1: warning: 文件未被使用：没有页面引用它\n  hint: 页面文件须以 .md 结尾；图片要在页面中用 ![说明](路径) 引用，否则请移出内容目录",
            ]),
    ]

    @Test(arguments: fixtures)
    func reportsExactlyTheseDiagnostics(_ fixture: ErrorFixtureTests.Fixture) async throws {
        let site = try Self.site(fixture.changes)
        defer { site.remove() }
        #expect(await site.diagnostics() == fixture.expected)
    }

    @Test func loadsTheBaseSiteWithoutAProblem() async throws {
        let site = try Self.site([:])
        defer { site.remove() }
        #expect(await site.diagnostics().isEmpty)
        let portal = try await site.load().portal
        #expect(portal.news.map(\.district?.name) == ["东湖区"])
        #expect(portal.notices.first?.until?.description == "2025-06-30")
        #expect(portal.policies.first?.attachment?.byteCount == 9)
        #expect(portal.policies.first?.summary == "建成示范点50个。", "a policy without a summary takes its first paragraph")
    }

    @Test func rejectsKeysItDoesNotKnowAndRequiresTheKeysItNeeds() async throws {
        let site = try Self.site([
            "notices/t.md": Self.notice.replacingOccurrences(of: "summary: 六月底前报送。\n", with: "summary: 六月底前报送。\nauthor: 办公室\n"),
            "policies/p.md": Self.policy.replacingOccurrences(of: "issuer: 中共X市市场监督管理局党组\n", with: ""),
        ])
        defer { site.remove() }
        let diagnostics = await site.diagnostics()
        #expect(
            diagnostics == [
                "content/notices/t.md:6:1: error: 通知公告中有未知的键 'author'\n  hint: 可用的键：slug, status, approvals, title, date, summary, until",
                "content/policies/p.md:2:1: error: 政策文件缺少必填项 'issuer'\n  hint: 加一行 'issuer: …'",
                // A page that cannot be read uses no file.
                "content/policies/p.pdf:1:1: warning: 文件未被使用：没有页面引用它\n  hint: 页面文件须以 .md 结尾；图片要在页面中用 ![说明](路径) 引用，否则请移出内容目录",
            ])
    }

    @Test func aPublishedItemNeedsTheReviewsThePortalRequires() async throws {
        let config = InlineSite.base["portal.yaml"]!.replacingOccurrences(
            of: "review: {required: []}", with: "review: {required: [终审]}")
        // The base site's own pages are drafts here, so that only the new kinds are judged.
        var changes: [String: String?] = ["portal.yaml": config]
        for path in ["cases/a.md", "cases/b.md", "courses/c.md", "pages/about.md"] {
            changes[path] = InlineSite.base[path]!.replacingOccurrences(of: "\n---\n", with: "\nstatus: draft\n---\n")
        }
        changes["courses/c.md"] = .some(nil)
        let site = try Self.site(changes)
        defer { site.remove() }
        let diagnostics = await site.diagnostics().filter { $0.contains("缺少审核") }
        #expect(
            diagnostics.sorted() == [
                "content/news/n.md:1:1: error: 已发布的工作动态缺少审核：终审\n  hint: 审核人读过全文后运行：portal approve content/news/n.md --by 姓名 --role 终审；审核完成前写 status: review",
                "content/notices/t.md:1:1: error: 已发布的通知公告缺少审核：终审\n  hint: 审核人读过全文后运行：portal approve content/notices/t.md --by 姓名 --role 终审；审核完成前写 status: review",
                "content/policies/p.md:1:1: error: 已发布的政策文件缺少审核：终审\n  hint: 审核人读过全文后运行：portal approve content/policies/p.md --by 姓名 --role 终审；审核完成前写 status: review",
            ])
    }
}
