import Content
import Foundation
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
    /// The line of a fence added at the end of `a`.
    static let fence = a.filter { $0 == "\n" }.count + 1

    /// `a` with a table or chart block at its end.
    static func withBlock(_ kind: String, _ lines: String) -> String {
        a + "```\(kind)\n\(lines)\n```\n"
    }

    /// A picture whose header tells its size: a GIF of one pixel.
    static let onePixel = "GIF89a\u{1}\u{0}\u{1}\u{0}\u{0}\u{0}\u{0}"

    static let c = base["courses/c.md"]!
    /// Course `c` with these lines of lessons in its front matter (from line 7 on).
    static func withLessons(_ lines: String) -> String {
        c.replacingOccurrences(of: "hours: 3\n", with: "hours: 3\n" + lines)
    }

    /// The base site with a liaison point, `site-02`, and `data/liaison.yaml` written as given.
    static func withLiaison(_ text: String) -> [String: String?] {
        [
            "data/sites.yaml": base["data/sites.yaml"]!
                + "- id: site-02\n  name: 西津老街联系点\n  kind: 联系点\n  district: 西津区\n  category: 个体工商户\n"
                + "  since: 2022\n  liuyou: {场所: true, 设施: true, 标志: true, 党旗: true, 书报: true, 制度: true}\n",
            "data/liaison.yaml": text,
        ]
    }

    /// A liaison entry for `site-02` (line 1), its leader on line 2, one activity from line 4 on
    /// whose lines are given.
    static func liaisonEntry(site: String = "site-02", leader: String = "{title: 副局长, name: 王某某}", activity: String)
        -> String
    {
        "- site: \(site)\n  leader: \(leader)\n  activities:\n" + activity
    }

    static let visit = "    - date: 2026-03-01\n      kind: 调研\n      summary: 走访商户\n"

    static let fixtures: [Fixture] = [
        Fixture(
            "liaisonUnknownKey",
            withLiaison(liaisonEntry(activity: visit) + "  notes: 无\n"),
            [
                "content/data/liaison.yaml:7:3: error: 联系点履职记录中有未知的键 'notes'\n  hint: 可用的键：site, leader, activities"
            ]),
        Fixture(
            "liaisonUnknownActivityKind",
            withLiaison(liaisonEntry(activity: visit.replacingOccurrences(of: "调研", with: "座谈"))),
            [
                "content/data/liaison.yaml:5:13: error: 未知的活动类型 '座谈'\n  hint: kind 写 调研、党课、主题党日 或 解决困难"
            ]),
        Fixture(
            "liaisonOfADemonstrationSite",
            withLiaison(liaisonEntry(site: "site-01", activity: visit)),
            [
                "content/data/liaison.yaml:1:9: error: 'site-01' 是示范点，不是联系点\n  hint: liaison.yaml 只记 sites.yaml 中 kind: 联系点 的站点",
                "content/data/sites.yaml:10:3: warning: 联系点 'site-02'（西津老街联系点）在 liaison.yaml 中没有履职记录\n  hint: 在 data/liaison.yaml 中加一条 - site: site-02，写上联系领导（leader）和履职活动（activities）",
            ]),
        Fixture(
            "liaisonOfAnUnknownSite",
            withLiaison(liaisonEntry(site: "site-2", activity: visit)),
            [
                "content/data/liaison.yaml:1:9: error: 未知的联系点 'site-2'\n  hint: 是不是 'site-02'？",
                "content/data/sites.yaml:10:3: warning: 联系点 'site-02'（西津老街联系点）在 liaison.yaml 中没有履职记录\n  hint: 在 data/liaison.yaml 中加一条 - site: site-02，写上联系领导（leader）和履职活动（activities）",
            ]),
        Fixture(
            "liaisonActivityInTheFuture",
            withLiaison(liaisonEntry(activity: visit.replacingOccurrences(of: "2026-03-01", with: "2026-12-04"))),
            [
                "content/data/liaison.yaml:4:13: error: 活动日期 2026-12-04 晚于今天（2026-12-03）\n  hint: 只记已经开展的活动；计划中的活动等开展后再写"
            ]),
        Fixture(
            "liaisonActivityOfAnUnknownCase",
            withLiaison(liaisonEntry(activity: visit + "      case: c\n")),
            [
                "content/data/liaison.yaml:7:13: error: 案例 'c' 不存在\n  hint: 是不是 'a'？"
            ]),
        Fixture(
            "liaisonPointTwice",
            withLiaison(liaisonEntry(activity: visit) + liaisonEntry(activity: visit)),
            [
                "content/data/liaison.yaml:7:9: error: 联系点 'site-02' 重复，第一次出现在第 1 行\n  hint: 把两条记录的 activities 合并到第一条，删掉这一条"
            ]),
        Fixture(
            "liaisonLeaderPhone",
            withLiaison(liaisonEntry(leader: "{title: 副局长, name: 王某某, phone: \"0571-87000000\"}", activity: visit)),
            [
                "content/data/liaison.yaml:2:42: error: 联系领导不能写电话号码（'phone'）\n  hint: 门户只公开联系领导的职务和姓名；删掉这一项"
            ]),
        Fixture(
            "liaisonActivitiesNotAList",
            withLiaison("- site: site-02\n  leader: {title: 副局长, name: 王某某}\n  activities: 走访商户\n"),
            [
                "content/data/liaison.yaml:3:15: error: 'activities' 应为列表，这里是 文字\n  hint: 每次活动以 - date: … 开头，写 kind 和 summary，可写 case"
            ]),
        Fixture(
            "missingAttachment",
            ["cases/a.md": a + "[通知原文](notice.pdf)\n"],
            [
                "content/cases/a.md:\(fence):1: error: 链接的附件不存在：notice.pdf\n  hint: 附件放在内容目录中，用相对于本文件的路径链接，如 [通知原文](notice.pdf)"
            ]),
        Fixture(
            "lessonOfAnUnknownCase",
            ["courses/c.md": withLessons("lessons:\n  - title: 研讨\n    hours: 3\n    cases: [a, x]\n")],
            [
                "content/courses/c.md:10:16: error: 案例 'x' 不存在\n  hint: 是不是 'a'？"
            ]),
        Fixture(
            "lessonOfADraftCase",
            [
                "courses/c.md": withLessons("lessons:\n  - title: 研讨\n    hours: 3\n    cases: [d]\n"),
                "cases/d.md": base["cases/b.md"]!.replacingOccurrences(of: "author: 李明\n", with: "author: 李明\nstatus: draft\n"),
            ],
            [
                "content/courses/c.md:10:13: error: 课时所用的案例 'd' 尚未发布\n  hint: 等那个案例发布后再列入，或者删掉这一项"
            ]),
        Fixture(
            "lessonHoursOtherThanTheCourse",
            ["courses/c.md": withLessons("lessons:\n  - title: 讲授\n    hours: 1\n  - title: 研讨\n    hours: 1.5\n")],
            [
                "content/courses/c.md:8:3: error: 各课时合计 2.5 学时，与 hours: 3 不符\n  hint: 改正 hours 或各课时的 hours，使两者相等"
            ]),
        Fixture(
            "lessonsNotAList",
            ["courses/c.md": withLessons("lessons: 讲授和研讨\n")],
            [
                "content/courses/c.md:7:10: error: 'lessons' 应为列表，这里是 文字\n  hint: 每个课时以 - title: … 开头，写 hours，可写 cases 和 sites"
            ]),
        Fixture(
            "trainingOfAnUnknownCourse",
            ["data/training.yaml": "- course: d\n  date: 2025-06-10\n  district: 东湖区\n  trainees: 40\n  org_heads: 30\n"],
            [
                "content/data/training.yaml:1:11: error: 未知的课程 'd'\n  hint: 是不是 'c'？"
            ]),
        Fixture(
            "trainingWithMoreHeadsThanTrainees",
            ["data/training.yaml": "- course: c\n  date: 2025-06-10\n  district: 东湖区\n  trainees: 40\n  org_heads: 45\n"],
            [
                "content/data/training.yaml:5:14: error: 党组织书记人数（45）多于参训人数（40）\n  hint: org_heads 是参训人员中党组织书记的人数"
            ]),
        Fixture(
            "dataBlockRowOfOtherWidth", ["cases/a.md": withBlock("table", "指标, 2022年, 2024年\n党员经营户, 120")],
            [
                "content/cases/a.md:\(fence + 2):1: error: 这一行有 2 项，表头有 3 项\n  hint: 每行的项数要和表头一样；文字里有逗号时用英文双引号括起来"
            ]),
        Fixture(
            "dataBlockOpenQuote", ["cases/a.md": withBlock("table", "指标, 数\n\"1,000, 2")],
            [
                "content/cases/a.md:\(fence + 2):1: error: 这一行的引号没有配对\n  hint: 含逗号的文字用英文双引号括起来，如 \"1,000\""
            ]),
        Fixture(
            "dataBlockUnknownOption", ["cases/a.md": withBlock("table", "title: 对比\n指标, 数\n甲, 1")],
            [
                "content/cases/a.md:\(fence + 1):1: error: 表格不认识设置 'title'\n  hint: 可用的设置：caption，写在表头之前"
            ]),
        Fixture(
            "dataBlockWithoutRows", ["cases/a.md": withBlock("table", "指标, 数")],
            [
                "content/cases/a.md:\(fence + 1):1: error: 表格至少要有表头和一行数据\n  hint: 第一行是表头，各项用逗号或制表符分开；以下每行一条数据"
            ]),
        Fixture(
            "chartUnknownType", ["cases/a.md": withBlock("chart", "type: pie\n区, 人数\n东湖区, 3")],
            [
                "content/cases/a.md:\(fence + 1):1: error: 图表类型 'pie' 不认识\n  hint: type: bar（条形图）或 type: line（折线图）"
            ]),
        Fixture(
            "chartTargetNotANumber", ["cases/a.md": withBlock("chart", "type: bar\ntarget: 很多\n区, 人数\n东湖区, 3")],
            [
                "content/cases/a.md:\(fence + 2):1: error: 目标值 '很多' 不是数字\n  hint: 如 target: 100"
            ]),
        Fixture(
            "chartOfOneColumn", ["cases/a.md": withBlock("chart", "区\n东湖区")],
            [
                "content/cases/a.md:\(fence + 1):1: error: 图表至少要有两列：名称和数值\n  hint: 如 区, 人数"
            ]),
        Fixture(
            "chartValueNotANumber", ["cases/a.md": withBlock("chart", "区, 人数\n东湖区, 三")],
            [
                "content/cases/a.md:\(fence + 2):1: error: '三' 不是数字（第 2 列）\n  hint: 图表的数值列只能写数字，如 156、3.5 或 12%"
            ]),
        Fixture(
            "unclosedQuoteInFrontMatter",
            ["cases/b.md": "---\ntitle: \"unclosed\ndate: 2024-06-01\n---\nx\n"],
            [
                "content/cases/b.md:2:8: error: YAML 格式错误：while scanning a quoted scalar found unexpected end of stream\n  hint: 加了引号的内容要用同样的引号结束，括号要配对"
            ]),
        Fixture(
            "tabIndentation",
            ["cases/b.md": "---\ntitle: x\ntags:\n\t- a\n---\nx\n"],
            [
                "content/cases/b.md:4:1: error: YAML 缩进不能使用制表符（Tab）\n  hint: 用空格缩进：把行首的 Tab 换成两个空格"
            ]),
        Fixture(
            "unclosedFrontMatter",
            ["cases/b.md": "---\ntitle: x\n\nbody\n"],
            [
                "content/cases/b.md:1:1: error: 前置元数据没有结束标记 ---\n  hint: 在最后一项之后、正文之前加一行 ---"
            ]),
        Fixture(
            "missingFrontMatter",
            ["cases/b.md": "# title\n\nbody\n"],
            [
                "content/cases/b.md:1:1: error: 文件开头缺少前置元数据（front matter）\n  hint: 第一行写 ---，接着写 title: … 等各项，再单独一行写 --- 结束"
            ]),
        Fixture(
            "missingRequiredKey",
            ["cases/a.md": a.replacingOccurrences(of: "title: 东湖市场“红色引擎”\n", with: "")],
            [
                "content/cases/a.md:2:1: error: 案例缺少必填项 'title'\n  hint: 加一行 'title: …'"
            ]),
        Fixture(
            "unknownKeyWithSuggestion",
            ["cases/a.md": a.replacingOccurrences(of: "author:", with: "auther:")],
            [
                "content/cases/a.md:2:1: error: 案例缺少必填项 'author'\n  hint: 加一行 'author: …'",
                "content/cases/a.md:8:1: error: 案例中有未知的键 'auther'\n  hint: 是不是 'author'？",
            ]),
        Fixture(
            "unknownDistrict",
            ["cases/a.md": a.replacingOccurrences(of: "district: 东湖区", with: "district: 东湖")],
            [
                "content/cases/a.md:4:11: error: 未知的区 '东湖'\n  hint: 是不是 '东湖区'？"
            ]),
        Fixture(
            "unknownCategory",
            ["cases/a.md": a.replacingOccurrences(of: "category: 专业市场", with: "category: 市场")],
            [
                "content/cases/a.md:5:11: error: 未知的类别 '市场'\n  hint: category 须是 portal.yaml 中的一个：小微企业、个体工商户、专业市场"
            ]),
        Fixture(
            "unknownSiteInCase",
            ["cases/a.md": a.replacingOccurrences(of: "sites: [site-01]", with: "sites: [site-1]")],
            [
                "content/cases/a.md:7:9: error: 示范点/联系点 'site-1' 不存在\n  hint: 是不是 'site-01'？"
            ]),
        Fixture(
            "memberAtMissingSite",
            ["data/members.yaml": base["data/members.yaml"]!.replacingOccurrences(of: "site: site-01", with: "site: site-09")],
            [
                "content/data/members.yaml:5:9: error: 党员经营户 '陈秀英' 所属的示范点/联系点 'site-09' 不存在\n  hint: 是不是 'site-01'？"
            ]),
        Fixture(
            "linkToMissingFile",
            ["cases/a.md": a.replacingOccurrences(of: "b.md#主要做法", with: "c.md")],
            [
                "content/cases/a.md:11:21: error: 链接指向的文件不存在：c.md\n  hint: 是不是 'b.md'？"
            ]),
        Fixture(
            "linkToMissingHeading",
            ["cases/a.md": a.replacingOccurrences(of: "b.md#主要做法", with: "b.md#做法")],
            [
                "content/cases/a.md:11:21: error: 链接中的标题锚点 '#做法' 在 西津个体户党建 中不存在\n  hint: 锚点是小标题的文字，如 #主要做法"
            ]),
        Fixture(
            "twoSourcesOneURL",
            ["cases/d.md": base["cases/b.md"]!.replacingOccurrences(of: "summary:", with: "slug: b\nsummary:")],
            [
                "content/cases/d.md:1:1: error: /cases/b/ 与 content/cases/b.md 的网址相同\n  hint: 两个文件不能发布到同一个网址：给其中一个换个文件名或 slug"
            ]),
        Fixture(
            "impossibleDate",
            ["cases/a.md": a.replacingOccurrences(of: "2025-03-18", with: "2024-02-30")],
            [
                "content/cases/a.md:3:7: error: 'date' 不是有效日期：'2024-02-30'\n  hint: 日期写成 YYYY-MM-DD，如 2025-03-08，并确认这一天存在"
            ]),
        Fixture(
            "malformedDate",
            ["cases/a.md": a.replacingOccurrences(of: "2025-03-18", with: "2024-2-3")],
            [
                "content/cases/a.md:3:7: error: 'date' 不是有效日期：'2024-2-3'\n  hint: 日期写成 YYYY-MM-DD，如 2025-03-08，并确认这一天存在"
            ]),
        Fixture(
            "fileNameNotURLSafe",
            ["cases/A B.md": base["cases/b.md"]!],
            [
                "content/cases/A B.md:1:1: error: 文件名 'A B' 不能用作网址\n  hint: 只用小写英文字母、数字和 -：给文件改名，或加一行 slug: a-b"
            ]),
        Fixture(
            "duplicateSiteID",
            ["data/sites.yaml": base["data/sites.yaml"]! + base["data/sites.yaml"]!],
            [
                "content/data/sites.yaml:10:3: error: 示范点/联系点 id 'site-01' 重复，第一次出现在 content/data/sites.yaml:1:3\n  hint: 每个示范点/联系点要有自己的 id"
            ]),
        Fixture(
            "duplicateKey",
            ["cases/a.md": a.replacingOccurrences(of: "author:", with: "title: again\nauthor:")],
            [
                "content/cases/a.md:2:1: error: 键 'title' 重复出现\n  hint: 同一层里每个键只能出现一次；删除或改名重复的那个"
            ]),
        Fixture(
            "textWhereListExpected",
            ["cases/a.md": a.replacingOccurrences(of: "tags: [六有, 三亮]", with: "tags: 六有")],
            [
                "content/cases/a.md:6:7: error: 'tags' 应为列表，这里是 文字\n  hint: 列表写在方括号里：tags: [甲, 乙]"
            ]),
        Fixture(
            "fullWidthColon",
            ["cases/a.md": a.replacingOccurrences(of: "author: ", with: "author： ")],
            [
                "content/cases/a.md:8:7: error: 键后面用了全角冒号“：”\n  hint: 改成半角冒号加一个空格：author: 东湖区市场监管局"
            ]),
        Fixture(
            "linkToDraft",
            ["cases/b.md": base["cases/b.md"]!.replacingOccurrences(of: "summary:", with: "status: draft\nsummary:")],
            [
                "content/cases/a.md:11:21: error: 链接指向未发布的草稿：b.md#主要做法\n  hint: 先发布那个页面，或者删除这个链接"
            ]),
        Fixture(
            "pageSlugTakenByPortal",
            ["pages/about.md": "---\ntitle: 案例\nslug: cases\n---\nx\n"],
            [
                "content/pages/about.md:3:7: error: 页面地址 '/cases/' 已被门户使用\n  hint: 给这个页面换一个 slug"
            ]),
        Fixture(
            "yesNoIsNotBoolean",
            ["data/sites.yaml": base["data/sites.yaml"]!.replacingOccurrences(of: "书报: false", with: "书报: no")],
            [
                "content/data/sites.yaml:9:56: error: '书报' 应为 true 或 false，这里是 'no'\n  hint: 写 true（是）或 false（否），不加引号"
            ]),
        Fixture(
            "targetStartsAfterItsDeadline",
            [
                "portal.yaml": base["portal.yaml"]!.replacingOccurrences(
                    of: "per_district: 3, deadline", with: "per_district: 3, start: 2028-01-01, deadline")
            ],
            [
                "content/portal.yaml:11:60: error: 目标的开始日期 2028-01-01 不早于截止日期 2027-12-31\n"
                    + "  hint: start 是开始推进这项目标的日期，应早于 deadline，如 start: 2024-01-01"
            ]),
        Fixture(
            "missingPortalConfig",
            ["portal.yaml": nil],
            [
                "content/portal.yaml:1:1: error: 找不到门户配置文件 portal.yaml\n  hint: content 应当是内容目录，其中有 portal.yaml、cases/ 和 data/"
            ]),
        Fixture(
            "hoursNotANumber",
            ["courses/c.md": base["courses/c.md"]!.replacingOccurrences(of: "hours: 3", with: "hours: 三")],
            [
                "content/courses/c.md:6:8: error: 'hours' 应为 0–200 之间的数字，这里是 '三'\n  hint: 写数字，如 2 或 1.5"
            ]),
        Fixture(
            "unknownStatus",
            ["cases/b.md": base["cases/b.md"]!.replacingOccurrences(of: "summary:", with: "status: done\nsummary:")],
            [
                "content/cases/b.md:9:9: error: 未知的状态 'done'\n  hint: status 只能是 draft、review、published"
            ]),
        Fixture(
            "yamlAnchorsRefused",
            ["data/sites.yaml": "- &s\n  id: x\n- *s\n"],
            [
                "content/data/sites.yaml:1:3: error: 不支持 YAML 锚点和别名（& 与 *）\n  hint: 在需要的地方把内容完整写出来"
            ]),
        Fixture(
            "quotedNumber",
            ["data/sites.yaml": base["data/sites.yaml"]!.replacingOccurrences(of: "since: 2021", with: "since: \"2021\"")],
            [
                "content/data/sites.yaml:7:10: error: 'since' 应为整数，这里是 '2021'\n  hint: 只写数字，不加引号，如 since: 1921"
            ]),
        Fixture(
            "unknownSiteKind",
            ["data/sites.yaml": base["data/sites.yaml"]!.replacingOccurrences(of: "kind: 示范点", with: "kind: 示范")],
            [
                "content/data/sites.yaml:3:9: error: 未知的类型 '示范'\n  hint: kind 写 示范点 或 联系点"
            ]),
        Fixture(
            "malformedPrivatePhone",
            ["data/members.yaml": base["data/members.yaml"]!.replacingOccurrences(of: "\"13800000001\"", with: "138-abc")],
            [
                "content/data/members.yaml:8:10: error: phone 格式不正确\n  hint: 号码只写数字并加引号，如 phone: \"13800000000\""
            ]),
        Fixture(
            "invalidPrivateIDNumber",
            [
                "data/members.yaml": base["data/members.yaml"]!.replacingOccurrences(
                    of: "phone: \"13800000001\"", with: "id_number: \"110105194912310021\"")
            ],
            [
                "content/data/members.yaml:8:14: error: id_number 不是有效的身份证号码\n  hint: 18 位，最后一位是数字或 X，加引号，如 id_number: \"11010519491231002X\"；核对有没有输错或漏输"
            ]),
        Fixture(
            "unknownMemberField",
            ["data/members.yaml": base["data/members.yaml"]!.replacingOccurrences(of: "phone:", with: "mobile:")],
            [
                "content/data/members.yaml:8:3: error: 党员经营户中有未知的键 'mobile'\n  hint: 可用的键：id, name, shop, district, site, joined, commitment, phone, id_number, note"
            ]),
        Fixture(
            "unusedFileWarning",
            ["cases/notes.txt": "x"],
            [
                "content/cases/notes.txt:1:1: warning: 文件未被使用：没有页面引用它\n  hint: 页面文件须以 .md 结尾；图片要在页面中用 ![说明](路径) 引用，否则请移出内容目录"
            ]),
        Fixture(
            "crlfLineNumbers",
            [
                "cases/a.md": a.replacingOccurrences(of: "\n", with: "\r\n").replacingOccurrences(
                    of: "district: 东湖区", with: "district: 东湖")
            ],
            [
                "content/cases/a.md:4:11: error: 未知的区 '东湖'\n  hint: 是不是 '东湖区'？"
            ]),
        Fixture(
            "loneCarriageReturns",
            [
                "cases/a.md": a.replacingOccurrences(of: "\n", with: "\r").replacingOccurrences(
                    of: "district: 东湖区", with: "district: 东湖")
            ],
            [
                "content/cases/a.md:4:11: error: 未知的区 '东湖'\n  hint: 是不是 '东湖区'？"
            ]),
        Fixture(
            "zeroWidthSpaceInSiteID",
            ["data/sites.yaml": base["data/sites.yaml"]!.replacingOccurrences(of: "id: site-01", with: "id: site\u{200B}-01")],
            [
                "content/data/sites.yaml:1:7: error: 'id' 中有不可见字符 U+200B\n  hint: 删掉这个值重新输入；它可能是从网页或文档复制时带进来的"
            ]),
        Fixture(
            "bidiControlInMemberSite",
            [
                "data/members.yaml": base["data/members.yaml"]!.replacingOccurrences(
                    of: "site: site-01", with: "site: site-01\u{202E}")
            ],
            [
                "content/data/members.yaml:5:9: error: 'site' 中有不可见字符 U+202E\n  hint: 删掉这个值重新输入；它可能是从网页或文档复制时带进来的"
            ]),
        Fixture(
            "leadingZeroNumber",
            ["data/sites.yaml": base["data/sites.yaml"]!.replacingOccurrences(of: "since: 2021", with: "since: 02021")],
            [
                "content/data/sites.yaml:7:10: error: 'since' 的值 '02021' 以 0 开头，含义不明确（YAML 1.1 会把它读成八进制数 1041）\n  hint: 去掉开头的 0：since: 2021"
            ]),
        Fixture(
            "sexagesimalNumber",
            ["data/sites.yaml": base["data/sites.yaml"]!.replacingOccurrences(of: "since: 2021", with: "since: 12:30")],
            [
                "content/data/sites.yaml:7:10: error: 'since' 应为整数，这里是 '12:30'\n  hint: 只写数字，不加引号，如 since: 1921"
            ]),
        Fixture(
            "languageSpecificTag",
            [
                "cases/b.md": base["cases/b.md"]!.replacingOccurrences(
                    of: "author: 李明", with: "author: !!python/object:os.system 李明")
            ],
            [
                "content/cases/b.md:8:9: error: 不支持 YAML 类型标签 'tag:yaml.org,2002:python/object:os.system'\n  hint: 去掉标签，直接写内容"
            ]),
        Fixture(
            "aliasBomb",
            [
                "data/members.yaml": """
                - &a [x, x, x, x, x, x, x, x, x]
                - &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
                - &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
                - [*c, *c, *c, *c, *c, *c, *c, *c, *c]

                """
            ],
            [
                "content/data/members.yaml:1:3: error: 不支持 YAML 锚点和别名（& 与 *）\n  hint: 在需要的地方把内容完整写出来",
                "content/data/members.yaml:2:3: error: 不支持 YAML 锚点和别名（& 与 *）\n  hint: 在需要的地方把内容完整写出来",
                "content/data/members.yaml:3:3: error: 不支持 YAML 锚点和别名（& 与 *）\n  hint: 在需要的地方把内容完整写出来",
            ]),
        Fixture(
            "deeplyNestedYAML",
            ["data/sites.yaml": String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "\n"],
            [
                "content/data/sites.yaml:1:1: error: YAML 嵌套层数过多（上限 32 层）\n  hint: 门户的数据只需要两三层；检查缩进和括号是否多写了"
            ]),
        Fixture(
            "javascriptLink",
            ["cases/b.md": base["cases/b.md"]! + "\n[点这里](javascript:alert(1))\n"],
            [
                "content/cases/b.md:16:1: error: 链接使用了不安全的协议 javascript：\n  hint: 门户只链接网页（https://…）和本站的页面；javascript: 链接会被清空"
            ]),
        Fixture(
            "rawHTMLIsReported",
            ["cases/b.md": base["cases/b.md"]! + "\n正文<script>alert(1)</script>\n\n<div>块</div>\n"],
            [
                "content/cases/b.md:16:3: warning: 原始 HTML 不会发布，这里的标签及其中的内容已被省略\n  hint: 用 Markdown 写：**加粗**、[链接](地址)、![图片说明](图片.jpg)",
                "content/cases/b.md:16:19: warning: 原始 HTML 不会发布，这里的标签及其中的内容已被省略\n  hint: 用 Markdown 写：**加粗**、[链接](地址)、![图片说明](图片.jpg)",
                "content/cases/b.md:18:1: warning: 原始 HTML 不会发布，这里的标签及其中的内容已被省略\n  hint: 用 Markdown 写：**加粗**、[链接](地址)、![图片说明](图片.jpg)",
            ]),
        Fixture(
            "missingImage",
            ["cases/b.md": base["cases/b.md"]! + "\n![市场外景](images/market.jpg)\n", "cases/images/marker.jpg": "jpg"],
            [
                "content/cases/b.md:16:1: error: 图片文件不存在：images/market.jpg\n  hint: 是不是 'images/marker.jpg'？",
                "content/cases/images/marker.jpg:1:1: warning: 文件未被使用：没有页面引用它\n  hint: 页面文件须以 .md 结尾；图片要在页面中用 ![说明](路径) 引用，否则请移出内容目录",
            ]),
        Fixture(
            "imageWithoutAltText",
            ["cases/b.md": base["cases/b.md"]! + "\n![](images/market.jpg)\n", "cases/images/market.jpg": onePixel],
            [
                "content/cases/b.md:16:1: error: 图片缺少说明文字（替代文字）\n  hint: 在方括号里写出图片内容，供读屏软件朗读：![市场党群服务中心外景](images/market.jpg)"
            ]),
        Fixture(
            "unrecognisedPicture",
            ["cases/b.md": base["cases/b.md"]! + "\n![市场外景](images/market.jpg)\n", "cases/images/market.jpg": "jpg"],
            [
                "content/cases/b.md:16:1: error: 无法识别图片格式：images/market.jpg\n  hint: 文件内容不是 JPEG、PNG 或 WebP 图片（可能已损坏，或扩展名与格式不符）；用看图软件打开并另存为 JPEG 后再引用"
            ]),
        Fixture(
            "imageFromAnotherHost",
            ["cases/b.md": base["cases/b.md"]! + "\n![市场外景](https://cdn.example.com/market.jpg)\n"],
            [
                "content/cases/b.md:16:1: error: 图片来自其他网站：https://cdn.example.com/market.jpg\n  hint: 门户的页面不从其他网站加载任何内容；请把图片保存到内容目录，用相对路径引用"
            ]),
        Fixture(
            "imageFromTheServerRoot",
            ["cases/b.md": base["cases/b.md"]! + "\n![市场外景](/images/market.jpg)\n"],
            [
                "content/cases/b.md:16:1: error: 图片路径以 / 开头：/images/market.jpg\n  hint: 用相对于本文件的路径引用图片，如 images/photo.jpg"
            ]),
        Fixture(
            "svgPicture",
            ["cases/b.md": base["cases/b.md"]! + "\n![市场平面图](images/plan.svg)\n", "cases/images/plan.svg": "<svg/>"],
            [
                "content/cases/b.md:16:1: error: SVG 图片可能带有脚本，不会发布：images/plan.svg\n  hint: 用绘图软件把它导出为 PNG 图片，再引用 PNG 文件"
            ]),
        Fixture(
            "svgAttachment",
            ["cases/b.md": base["cases/b.md"]! + "\n[平面图](images/plan.svg)\n", "cases/images/plan.svg": "<svg/>"],
            [
                "content/cases/b.md:16:1: error: SVG 图片可能带有脚本，不会发布：images/plan.svg\n  hint: 用绘图软件把它导出为 PNG 图片，再引用 PNG 文件"
            ]),
        Fixture(
            "htmlAttachment",
            ["cases/b.md": base["cases/b.md"]! + "\n[通知原文](notice.html)\n", "cases/notice.html": "<script>alert(1)</script>"],
            [
                "content/cases/b.md:16:1: error: 网页和脚本文件不能作为附件发布：notice.html\n  hint: 把网页另存为 PDF 再链接；或者把内容写进 Markdown 正文"
            ]),
        Fixture(
            "linkFromTheServerRoot",
            ["cases/b.md": base["cases/b.md"]! + "\n详见[东湖区案例](/cases/a/)。\n"],
            [
                "content/cases/b.md:16:3: error: 链接以 / 开头：/cases/a/\n  hint: 门户可能发布在网站的子路径下或从 U 盘打开，这样的链接会失效；链接本站页面写它的 .md 文件相对于本文件的路径，如 ../cases/example.md"
            ]),
        Fixture(
            "unusedPicture",
            ["cases/images/unused.jpg": "jpg"],
            [
                "content/cases/images/unused.jpg:1:1: warning: 文件未被使用：没有页面引用它\n  hint: 页面文件须以 .md 结尾；图片要在页面中用 ![说明](路径) 引用，否则请移出内容目录"
            ]),
        Fixture(
            "deeplyNestedQuotes",
            ["cases/b.md": base["cases/b.md"]! + "\n" + String(repeating: "> ", count: 20) + "引用\n"],
            [
                "content/cases/b.md:16:39: error: 引用和列表嵌套过深（20 层，上限 16 层）\n  hint: 减少 > 和列表的层次；文字可能是从别处粘贴时带进来的"
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
                "content/cases/gbk.md:2:1: error: 文件不是 UTF-8 编码（可能是 GBK/GB18030）\n  hint: 在编辑器中另存为 UTF-8 编码（另存为 → 编码 UTF-8）"
            ])
    }

    @Test func reportsNULBytes() async throws {
        let site = try InlineSite()
        defer { site.remove() }
        try site.write(Array("---\ntitle: 甲\0乙\n".utf8), to: "cases/nul.md")
        #expect(
            await site.diagnostics() == [
                "content/cases/nul.md:2:9: error: 文件中含有 NUL 字节\n  hint: 这可能不是文本文件；请另存为 UTF-8 文本"
            ])
    }

    @Test func refusesFilesOverTheSizeLimit() async throws {
        let site = try InlineSite()
        defer { site.remove() }
        let body = String(repeating: "党建引领发展。\n", count: 5 * 1024 * 1024 / 22 + 1)
        try site.write(Array((Self.base["cases/b.md"]! + body).utf8), to: "cases/b.md")
        let diagnostics = await site.diagnostics()
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("content/cases/b.md:1:1: error: 文件过大（") == true)
        #expect(diagnostics.first?.hasSuffix("KB，上限 5 MB）\n  hint: 拆分文字，或把大的附件移出内容目录") == true)
    }

    @Test func acceptsADataFileLargerThanAPageMayBe() async throws {
        let site = try InlineSite()
        defer { site.remove() }
        let comment = "# 党员经营户名册的说明。\n"
        let padding = String(repeating: comment, count: 6 * 1024 * 1024 / comment.utf8.count + 1)
        try site.write(Array((padding + Self.base["data/members.yaml"]!).utf8), to: "data/members.yaml")
        #expect(await site.diagnostics().isEmpty)
    }

    @Test func refusesSymbolicLinksThatLeaveTheContentFolder() async throws {
        let site = try InlineSite()
        defer { site.remove() }
        let outside = site.root.deletingLastPathComponent().appendingPathComponent("secret.md")
        try Data(Self.base["cases/b.md"]!.utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("cases/linked.md"), withDestinationURL: outside)
        let diagnostics = await site.diagnostics()
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("content/cases/linked.md:1:1: error: 符号链接指向内容目录之外：") == true)
        #expect(diagnostics.first?.hasSuffix("secret.md\n  hint: 把文件本身复制到 content/ 中，不要用链接") == true)
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
