import Foundation
import Testing

@testable import Build
@testable import Writers

/// The publishing register (发布登记): `register/register.csv` and `register/index.html`.
@Suite struct RegisterTests {
    static let header = "标题,类型,网址,作者,初审,初审时间,复审,复审时间,终审,终审时间,发布日期"

    /// Cases, then courses, then pages; each oldest first. Only `case-01` and the course carry
    /// approvals in the fixture; the draft and the case under review are left out.
    static let fixtureRows = [
        header,
        "西津区小微企业党建案例1,案例,https://example.gov.cn/xgz/cases/case-01/,测试作者,李编辑,2025-05-20T09:00:00+08:00,,,王主任,2025-05-21T15:30:00+08:00,2024-02-02",
        "西津区个体工商户党建案例13,案例,https://example.gov.cn/xgz/cases/case-13/,测试作者,,,,,,,2024-02-14",
        "西津区专业市场党建案例25,案例,https://example.gov.cn/xgz/cases/case-25/,测试作者,,,,,,,2024-02-26",
        "东湖区个体工商户党建案例3,案例,https://example.gov.cn/xgz/cases/case-03/,测试作者,,,,,,,2024-04-04",
        "东湖区专业市场党建案例15,案例,https://example.gov.cn/xgz/cases/case-15/,测试作者,,,,,,,2024-04-16",
        "南浦区个体工商户党建案例5,案例,https://example.gov.cn/xgz/cases/case-05/,测试作者,,,,,,,2024-06-06",
        "南浦区专业市场党建案例17,案例,https://example.gov.cn/xgz/cases/case-17/,测试作者,,,,,,,2024-06-18",
        "西津区专业市场党建案例7,案例,https://example.gov.cn/xgz/cases/case-07/,测试作者,,,,,,,2024-08-08",
        "西津区小微企业党建案例19,案例,https://example.gov.cn/xgz/cases/case-19/,测试作者,,,,,,,2024-08-20",
        "东湖区小微企业党建案例9,案例,https://example.gov.cn/xgz/cases/case-09/,测试作者,,,,,,,2024-10-10",
        "东湖区个体工商户党建案例21,案例,https://example.gov.cn/xgz/cases/case-21/,测试作者,,,,,,,2024-10-22",
        "南浦区小微企业党建案例11,案例,https://example.gov.cn/xgz/cases/case-11/,测试作者,,,,,,,2024-12-12",
        "南浦区个体工商户党建案例23,案例,https://example.gov.cn/xgz/cases/case-23/,测试作者,,,,,,,2024-12-24",
        "东湖区个体工商户党建案例12,案例,https://example.gov.cn/xgz/cases/case-12/,测试作者,,,,,,,2025-01-13",
        "东湖区专业市场党建案例24,案例,https://example.gov.cn/xgz/cases/case-24/,测试作者,,,,,,,2025-01-25",
        "南浦区小微企业党建案例2,案例,https://example.gov.cn/xgz/cases/case-02/,测试作者,,,,,,,2025-03-03",
        "南浦区个体工商户党建案例14,案例,https://example.gov.cn/xgz/cases/case-14/,测试作者,,,,,,,2025-03-15",
        "西津区个体工商户党建案例4,案例,https://example.gov.cn/xgz/cases/case-04/,测试作者,,,,,,,2025-05-05",
        "西津区专业市场党建案例16,案例,https://example.gov.cn/xgz/cases/case-16/,测试作者,,,,,,,2025-05-17",
        "东湖区专业市场党建案例6,案例,https://example.gov.cn/xgz/cases/case-06/,测试作者,,,,,,,2025-07-07",
        "东湖区小微企业党建案例18,案例,https://example.gov.cn/xgz/cases/case-18/,测试作者,,,,,,,2025-07-19",
        "南浦区专业市场党建案例8,案例,https://example.gov.cn/xgz/cases/case-08/,测试作者,,,,,,,2025-09-09",
        "南浦区小微企业党建案例20,案例,https://example.gov.cn/xgz/cases/case-20/,测试作者,,,,,,,2025-09-21",
        "西津区小微企业党建案例10,案例,https://example.gov.cn/xgz/cases/case-10/,测试作者,,,,,,,2025-11-11",
        "西津区个体工商户党建案例22,案例,https://example.gov.cn/xgz/cases/case-22/,测试作者,,,,,,,2025-11-23",
        "书记轮训第一讲,课程,https://example.gov.cn/xgz/courses/course-01/,王建华,,,赵科长,2025-06-01T10:20:00+08:00,,,2025-06-10",
        "关于本站,页面,https://example.gov.cn/xgz/about/,,,,,,,,",
    ]

    @Test func writesTheRegisterOfTheFixtureSiteAsCSV() async throws {
        let files = try await FixtureSite.build()
        let csv = try #require(files["register/register.csv"])
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]))
        let expected = Self.fixtureRows.map { $0 + "\r\n" }.joined()
        #expect(String(decoding: csv.dropFirst(3), as: UTF8.self) == expected)
    }

    @Test func buildsTheSameRegisterEveryTime() async throws {
        let one = try await FixtureSite.build(parallelism: 1)
        let many = try await FixtureSite.build(parallelism: 8)
        #expect(one["register/register.csv"] == many["register/register.csv"])
        #expect(one["register/index.html"] == many["register/index.html"])
    }

    @Test func keepsTheRegisterPageOutOfTheSitemapNavigationAndSearchEngines() async throws {
        let files = try await FixtureSite.build()
        let page = try #require(files.text("register/index.html"))
        #expect(page.contains(#"<meta name="robots" content="noindex, nofollow">"#))
        #expect(page.contains(#"<a href="../register/register.csv" download>下载 CSV</a>"#))
        #expect(
            page.contains(
                #"<tr><th scope="row"><a href="../cases/case-01/">西津区小微企业党建案例1</a></th><td>案例</td><td>测试作者</td><td>李编辑<br><time datetime="2025-05-20T09:00:00+08:00">2025-05-20T09:00:00+08:00</time></td><td></td><td>王主任<br><time datetime="2025-05-21T15:30:00+08:00">2025-05-21T15:30:00+08:00</time></td><td>2024-02-02</td></tr>"#
            ))
        #expect(page.components(separatedBy: "<tr><th scope=\"row\">").count - 1 == 27)
        #expect(!page.contains("待审核案例") && !page.contains("草稿案例"))
        let sitemap = try #require(files.text("sitemap.xml"))
        #expect(!sitemap.contains("register"))
        for (path, bytes) in files where path.hasSuffix(".html") && path != "register/index.html" {
            let html = String(decoding: bytes, as: UTF8.self)
            #expect(!html.contains("register/"), "\(path) links to the register")
            // The 404 page is served at any missing address, a plate is for printing, a 公众号
            // article for staff to paste: search engines should keep none of them.
            #expect(
                html.contains("noindex")
                    == (path == "404.html" || path.hasSuffix("/plate/index.html") || path.hasPrefix("wechat/")),
                "\(path) is kept from search engines")
        }
    }

    @Test func quotesFieldsWithCommasAndQuotes() async throws {
        let content = try FixtureSite.copy()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let page = content.appendingPathComponent("pages/about.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        try text.replacingOccurrences(of: "title: 关于本站", with: #"title: '关于本站, 兼谈“三亮”与"六有"'"#)
            .write(to: page, atomically: true, encoding: .utf8)
        let sink = MemorySink()
        _ = try await SiteBuilder(options: FixtureSite.options(content: content)).build(into: sink)
        let csv = try #require(await sink.text(at: "register/register.csv"))
        #expect(csv.hasSuffix("\r\n\"关于本站, 兼谈“三亮”与\"\"六有\"\"\",页面,https://example.gov.cn/xgz/about/,,,,,,,,\r\n"))
    }

    @Test func listsOnlyPublishedPagesEvenWhenDraftsAreBuilt() async throws {
        var options = FixtureSite.options()
        options.includeUnpublished = true
        let sink = MemorySink()
        _ = try await SiteBuilder(options: options).build(into: sink)
        let csv = try #require(await sink.files["register/register.csv"])
        #expect(String(decoding: csv.dropFirst(3), as: UTF8.self) == Self.fixtureRows.map { $0 + "\r\n" }.joined())
    }

    /// A title Excel or WPS would run as a formula is written as text.
    @Test func writesATitleThatLooksLikeAFormulaAsText() async throws {
        let content = try FixtureSite.copy()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let page = content.appendingPathComponent("pages/about.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        try text.replacingOccurrences(of: "title: 关于本站", with: #"title: '=HYPERLINK("http://evil.example","点我")'"#)
            .write(to: page, atomically: true, encoding: .utf8)
        let sink = MemorySink()
        _ = try await SiteBuilder(options: FixtureSite.options(content: content)).build(into: sink)
        let csv = try #require(await sink.text(at: "register/register.csv"))
        #expect(
            csv.hasSuffix(
                "\r\n\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\",页面,https://example.gov.cn/xgz/about/,,,,,,,,\r\n"))
    }

    @Test(arguments: ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"x\")"])
    func neutralizesEveryFieldThatStartsAFormula(_ field: String) {
        #expect(SpreadsheetWriter.neutralized(field) == "'" + field)
    }

    @Test(arguments: ["-3", "+5", "-2.5", "东湖区", "1,000", ""])
    func leavesNumbersAndTextAsTheyAre(_ field: String) {
        #expect(SpreadsheetWriter.neutralized(field) == field)
    }
}
