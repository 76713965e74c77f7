import Content
import Testing

/// One small broken site per error message: each fixture changes the valid base site in one
/// way and expects exactly these diagnostics, with their locations, as `portal check` prints them.
@Suite struct ErrorFixtureTests {
    struct Fixture: Sendable, CustomTestStringConvertible {
        let name: String
        let changes: [String: String?]
        let expected: [String]

        init(_ name: String, _ changes: [String: String?], _ expected: [String]) {
            self.name = name
            self.changes = changes
            self.expected = expected
        }

        var testDescription: String { name }
    }

    static let base = InlineSite.base
    static let a = base["cases/a.md"]!

    static let fixtures: [Fixture] = [
        Fixture(
            "unclosedQuoteInFrontMatter",
            ["cases/b.md": "---\ntitle: \"unclosed\ndate: 2024-06-01\n---\nx\n"],
            [
                "content/cases/b.md:2:8: error: YAML 格式错误：while scanning a quoted scalar found unexpected end of stream\n  hint: a quoted value must end with the same quote mark, and brackets must be closed"
            ]),
        Fixture(
            "tabIndentation",
            ["cases/b.md": "---\ntitle: x\ntags:\n\t- a\n---\nx\n"],
            [
                "content/cases/b.md:4:1: error: YAML 缩进不能使用制表符（Tab）\n  hint: indent with spaces: replace the tab at the start of the line with two spaces"
            ]),
        Fixture(
            "unclosedFrontMatter",
            ["cases/b.md": "---\ntitle: x\n\nbody\n"],
            [
                "content/cases/b.md:1:1: error: 前置元数据没有结束标记 ---\n  hint: add a line with --- after the last front matter key, before the body text"
            ]),
        Fixture(
            "missingFrontMatter",
            ["cases/b.md": "# title\n\nbody\n"],
            [
                "content/cases/b.md:1:1: error: 文件开头缺少前置元数据（front matter）\n  hint: front matter starts with --- on the first line, then 'title: …' and the other keys, then --- on a line of its own"
            ]),
        Fixture(
            "missingRequiredKey",
            ["cases/a.md": a.replacingOccurrences(of: "title: 东湖市场“红色引擎”\n", with: "")],
            [
                "content/cases/a.md:2:1: error: 案例缺少必填项 'title'\n  hint: add a line 'title: …'"
            ]),
        Fixture(
            "unknownKeyWithSuggestion",
            ["cases/a.md": a.replacingOccurrences(of: "author:", with: "auther:")],
            [
                "content/cases/a.md:2:1: error: 案例缺少必填项 'author'\n  hint: add a line 'author: …'",
                "content/cases/a.md:8:1: error: 案例中有未知的键 'auther'\n  hint: did you mean 'author'?",
            ]),
        Fixture(
            "unknownDistrict",
            ["cases/a.md": a.replacingOccurrences(of: "district: 东湖区", with: "district: 东湖")],
            [
                "content/cases/a.md:4:11: error: 未知的区 '东湖'\n  hint: did you mean '东湖区'?"
            ]),
        Fixture(
            "unknownCategory",
            ["cases/a.md": a.replacingOccurrences(of: "category: 专业市场", with: "category: 市场")],
            [
                "content/cases/a.md:5:11: error: 未知的类别 '市场'\n  hint: category must be one of portal.yaml's 小微企业、个体工商户、专业市场"
            ]),
        Fixture(
            "unknownSiteInCase",
            ["cases/a.md": a.replacingOccurrences(of: "sites: [site-01]", with: "sites: [site-1]")],
            [
                "content/cases/a.md:7:9: error: 示范点/联系点 'site-1' 不存在\n  hint: did you mean 'site-01'?"
            ]),
        Fixture(
            "memberAtMissingSite",
            ["data/members.yaml": base["data/members.yaml"]!.replacingOccurrences(of: "site: site-01", with: "site: site-09")],
            [
                "content/data/members.yaml:1:3: error: 党员经营户 '陈秀英' 所属的示范点/联系点 'site-09' 不存在\n  hint: did you mean 'site-01'?"
            ]),
        Fixture(
            "linkToMissingFile",
            ["cases/a.md": a.replacingOccurrences(of: "b.md#主要做法", with: "c.md")],
            [
                "content/cases/a.md:11:21: error: 链接指向的文件不存在：c.md\n  hint: did you mean 'b.md'?"
            ]),
        Fixture(
            "linkToMissingHeading",
            ["cases/a.md": a.replacingOccurrences(of: "b.md#主要做法", with: "b.md#做法")],
            [
                "content/cases/a.md:11:21: error: 链接中的标题锚点 '#做法' 在 西津个体户党建 中不存在\n  hint: anchors are heading texts, e.g. #主要做法"
            ]),
        Fixture(
            "twoSourcesOneURL",
            ["cases/d.md": base["cases/b.md"]!.replacingOccurrences(of: "summary:", with: "slug: b\nsummary:")],
            [
                "content/cases/d.md:1:1: error: /cases/b/ 与 content/cases/b.md 的网址相同\n  hint: two files may not publish to one address: give one of them another file name or slug"
            ]),
        Fixture(
            "impossibleDate",
            ["cases/a.md": a.replacingOccurrences(of: "2025-03-18", with: "2024-02-30")],
            [
                "content/cases/a.md:3:7: error: 'date' 不是有效日期：'2024-02-30'\n  hint: write the date as YYYY-MM-DD, e.g. 2025-03-08, and check that the day exists"
            ]),
        Fixture(
            "malformedDate",
            ["cases/a.md": a.replacingOccurrences(of: "2025-03-18", with: "2024-2-3")],
            [
                "content/cases/a.md:3:7: error: 'date' 不是有效日期：'2024-2-3'\n  hint: write the date as YYYY-MM-DD, e.g. 2025-03-08, and check that the day exists"
            ]),
        Fixture(
            "fileNameNotURLSafe",
            ["cases/A B.md": base["cases/b.md"]!],
            [
                "content/cases/A B.md:1:1: error: 文件名 'A B' 不能用作网址\n  hint: use lowercase ASCII letters, digits and '-': rename the file or add 'slug: a-b'"
            ]),
        Fixture(
            "duplicateSiteID",
            ["data/sites.yaml": base["data/sites.yaml"]! + base["data/sites.yaml"]!],
            [
                "content/data/sites.yaml:10:3: error: 示范点/联系点 id 'site-01' 重复，第一次出现在 content/data/sites.yaml:1:3\n  hint: every site needs its own id"
            ]),
        Fixture(
            "duplicateKey",
            ["cases/a.md": a.replacingOccurrences(of: "author:", with: "title: again\nauthor:")],
            [
                "content/cases/a.md:2:1: error: 键 'title' 重复出现\n  hint: each key may appear once in a mapping; delete or rename the repeated one"
            ]),
        Fixture(
            "textWhereListExpected",
            ["cases/a.md": a.replacingOccurrences(of: "tags: [六有, 三亮]", with: "tags: 六有")],
            [
                "content/cases/a.md:6:7: error: 'tags' 应为列表，这里是 text\n  hint: write a list in brackets: tags: [甲, 乙]"
            ]),
        Fixture(
            "fullWidthColon",
            ["cases/a.md": a.replacingOccurrences(of: "author: ", with: "author： ")],
            [
                "content/cases/a.md:9:1: error: YAML 格式错误：while scanning a simple key could not find expected ':'\n  hint: each line must be 'key: value' with an ASCII colon and a space after it"
            ]),
        Fixture(
            "linkToDraft",
            ["cases/b.md": base["cases/b.md"]!.replacingOccurrences(of: "summary:", with: "status: draft\nsummary:")],
            [
                "content/cases/a.md:11:21: error: 链接指向未发布的草稿：b.md#主要做法\n  hint: publish that page first, or remove the link"
            ]),
        Fixture(
            "pageSlugTakenByPortal",
            ["pages/about.md": "---\ntitle: 案例\nslug: cases\n---\nx\n"],
            [
                "content/pages/about.md:3:7: error: 页面地址 '/cases/' 已被门户使用\n  hint: choose another slug for this page"
            ]),
        Fixture(
            "yesNoIsNotBoolean",
            ["data/sites.yaml": base["data/sites.yaml"]!.replacingOccurrences(of: "书报: false", with: "书报: no")],
            [
                "content/data/sites.yaml:9:56: error: '书报' 应为 true 或 false，这里是 'no'\n  hint: write true (是) or false (否) without quotes"
            ]),
        Fixture(
            "missingPortalConfig",
            ["portal.yaml": nil],
            [
                "content/portal.yaml:1:1: error: 找不到门户配置文件 portal.yaml\n  hint: is content the content folder? It needs portal.yaml, cases/ and data/"
            ]),
        Fixture(
            "hoursNotANumber",
            ["courses/c.md": base["courses/c.md"]!.replacingOccurrences(of: "hours: 3", with: "hours: 三")],
            [
                "content/courses/c.md:6:8: error: 'hours' 应为 0–200 之间的数字，这里是 '三'\n  hint: write a number such as 2 or 1.5"
            ]),
        Fixture(
            "unknownStatus",
            ["cases/b.md": base["cases/b.md"]!.replacingOccurrences(of: "summary:", with: "status: done\nsummary:")],
            [
                "content/cases/b.md:9:9: error: 未知的状态 'done'\n  hint: status is one of: draft, published"
            ]),
        Fixture(
            "yamlAnchorsRefused",
            ["data/sites.yaml": "- &s\n  id: x\n- *s\n"],
            [
                "content/cases/a.md:7:9: error: 示范点/联系点 'site-01' 不存在\n  hint: sites lists ids from data/sites.yaml",
                "content/data/members.yaml:1:3: error: 党员经营户 '陈秀英' 所属的示范点/联系点 'site-01' 不存在\n  hint: site must be an id from data/sites.yaml",
                "content/data/sites.yaml:1:3: error: 不支持 YAML 锚点和别名（& 与 *）\n  hint: write the value out in full where it is needed",
            ]),
        Fixture(
            "quotedNumber",
            ["data/sites.yaml": base["data/sites.yaml"]!.replacingOccurrences(of: "since: 2021", with: "since: \"2021\"")],
            [
                "content/data/sites.yaml:7:10: error: 'since' 应为整数，这里是 '2021'\n  hint: write digits only, without quotes, e.g. since: 1921"
            ]),
        Fixture(
            "unknownSiteKind",
            ["data/sites.yaml": base["data/sites.yaml"]!.replacingOccurrences(of: "kind: 示范点", with: "kind: 示范")],
            [
                "content/data/sites.yaml:3:9: error: 未知的类型 '示范'\n  hint: kind is 示范点 or 联系点"
            ]),
        Fixture(
            "malformedPrivatePhone",
            ["data/members.yaml": base["data/members.yaml"]!.replacingOccurrences(of: "\"13800000001\"", with: "138-abc")],
            [
                "content/data/members.yaml:8:10: error: phone 格式不正确\n  hint: write the number as digits in quotes, e.g. phone: \"13800000000\""
            ]),
        Fixture(
            "unknownMemberField",
            ["data/members.yaml": base["data/members.yaml"]!.replacingOccurrences(of: "phone:", with: "mobile:")],
            [
                "content/data/members.yaml:8:3: error: 党员经营户中有未知的键 'mobile'\n  hint: known keys: id, name, shop, district, site, joined, commitment, phone, id_number, note"
            ]),
        Fixture(
            "unusedFileWarning",
            ["cases/notes.txt": "x"],
            [
                "content/cases/notes.txt:1:1: warning: 文件未被使用：只有 .md 文件会成为页面\n  hint: rename it to end in .md if it is a page, or move it out of cases/"
            ]),
        Fixture(
            "crlfLineNumbers",
            [
                "cases/a.md": a.replacingOccurrences(of: "\n", with: "\r\n").replacingOccurrences(
                    of: "district: 东湖区", with: "district: 东湖")
            ],
            [
                "content/cases/a.md:4:11: error: 未知的区 '东湖'\n  hint: did you mean '东湖区'?"
            ]),
    ]

    @Test(arguments: fixtures)
    func reportsExactlyTheseDiagnostics(_ fixture: Fixture) async throws {
        let site = try InlineSite(fixture.changes)
        defer { site.remove() }
        #expect(await site.diagnostics() == fixture.expected)
    }

    @Test func reportsFilesThatAreNotUTF8() async throws {
        let site = try InlineSite()
        defer { site.remove() }
        try site.write([0x2D, 0x2D, 0x2D, 0x0A, 0xB6, 0xAB, 0xBA, 0xFE], to: "cases/gbk.md")
        #expect(
            await site.diagnostics() == [
                "content/cases/gbk.md:2:1: error: 文件不是 UTF-8 编码（可能是 GBK/GB18030）\n  hint: save as UTF-8 in the editor (另存为 → 编码 UTF-8)"
            ])
    }

    @Test func reportsEveryProblemOfARunNotOnlyTheFirst() async throws {
        let site = try InlineSite([
            "cases/a.md": Self.a.replacingOccurrences(of: "district: 东湖区", with: "district: 东湖"),
            "cases/b.md": "# 没有前置元数据\n",
            "data/members.yaml": Self.base["data/members.yaml"]!.replacingOccurrences(of: "site: site-01", with: "site: site-09"),
        ])
        defer { site.remove() }
        let diagnostics = await site.diagnostics()
        #expect(diagnostics.count == 3)
        #expect(
            diagnostics.map { $0.prefix(while: { $0 != ":" }) } == [
                "content/cases/a.md", "content/cases/b.md", "content/data/members.yaml",
            ])
    }
}
