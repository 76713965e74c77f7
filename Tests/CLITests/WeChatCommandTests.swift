import Foundation
import Testing

/// `portal wechat` and the 复制到公众号 files of the build, checked against what the 公众号 editor
/// keeps: inline styles only, no script, class, id, stylesheet or resource from another host, and
/// the headings, bold, lists, tables, captions and pictures of the case all there.
@Suite struct WeChatCommandTests {
    func workspace() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-wechat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["content", "templates"] {
            try FileManager.default.copyItem(
                at: PortalProcess.packageRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    /// Every rule of an article the editor keeps as written.
    static func expectPastable(_ html: String, base: String?, sourceLocation: SourceLocation = #_sourceLocation) {
        for forbidden in ["<script", " class=", " id=", "<link", "<style", "<svg", "<iframe", "javascript:", " on"] {
            #expect(!html.lowercased().contains(forbidden), "no \(forbidden)", sourceLocation: sourceLocation)
        }
        let tags = html.matches(of: /<([a-z0-9]+)([^>]*)>/).map { (String($0.output.1), String($0.output.2)) }
        let article = tags.drop { $0.0 != "hr" }
        for (name, attributes) in article where !["br", "thead", "tbody", "tr", "main"].contains(name) {
            #expect(attributes.contains("style=\""), "<\(name)> carries its style: \(attributes)", sourceLocation: sourceLocation)
        }
        for source in html.matches(of: /<img src="([^"]+)"/).map({ String($0.output.1) }) {
            if let base {
                #expect(source.hasPrefix(base), "the picture loads from the portal: \(source)", sourceLocation: sourceLocation)
            } else {
                #expect(
                    source.hasPrefix("../../media/"), "the picture loads from the site itself: \(source)",
                    sourceLocation: sourceLocation)
            }
            #expect(source.contains("-1600."), "the widest rendition: \(source)", sourceLocation: sourceLocation)
        }
    }

    @Test func writesACaseWithInlineStylesOnlyKeepingItsStructure() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try PortalProcess.run(["wechat", "content/cases/nanpu-auto-repair-street.md"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError == "文中有 1 张图片；编辑器没有自动取到时，按文件开头的清单上传\n")
        let html = result.standardOutput
        Self.expectPastable(html, base: "https://xgz.example.gov.cn/media/")
        for element in [
            "<h1 ", "<h2 ", "<h3 ", "<strong ", "<ul ", "<li ", "<blockquote ", "<table ", "<th ", "<td ", "<figure ",
            "<figcaption ", "<img ",
        ] {
            #expect(html.contains(element), "keeps \(element)")
        }
        #expect(html.contains(">南浦区汽修一条街：党员技师挂牌亮诺 维修纠纷明显减少</h1>"))
        #expect(html.contains("南浦区 · 个体工商户 · 2024年3月27日"))
        #expect(
            html.contains("<td style=\"border:1px solid #dddddd;padding:6px 8px;text-align:right;\">126</td>"),
            "alignment kept inline")
        #expect(html.contains("图为党员技师工位前的“共产党员示范岗”公示牌</figcaption>"))
        #expect(
            html.contains("<li>https://xgz.example.gov.cn/media/cases/nanpu-auto-repair-street/plaque-1600."),
            "the picture to upload is listed")
        #expect(html.contains("原文：https://xgz.example.gov.cn/cases/nanpu-auto-repair-street/"))
    }

    @Test func turnsLinksIntoNotesAndChartsIntoAPlaceForAScreenshot() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("建材市场.html")
        let result = try PortalProcess.run(
            ["wechat", "content/cases/beitang-building-materials-market.md", "--out", out.path], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        let html = try String(contentsOf: out, encoding: .utf8)
        Self.expectPastable(html, base: "https://xgz.example.gov.cn/media/")
        #expect(!html.contains("<a "), "the editor cannot link out")
        #expect(html.contains("<sup style=\"font-size:12px;color:#6e6e6e;\">[1]</sup>"))
        #expect(html.contains("[1] 东湖区水产批发市场：https://xgz.example.gov.cn/cases/donghu-market-red-station/"))
        #expect(html.contains("（此处是图表 1：在网站页面上截图后作为图片上传，数据见下表）"))
        #expect(html.contains("图表 1不能粘贴"))
        #expect(html.contains(">市场全年受理的消费投诉（件）</caption>"), "the chart's data stays as a table")
    }

    @Test func refusesADraftAFileOutsideTheCasesAndAPhoneNumber() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let draft = try PortalProcess.run(["wechat", "content/cases/linjiang-night-market-fire-safety.md"], in: folder)
        #expect(draft.status == 1)
        #expect(draft.standardOutput.isEmpty, "nothing of an unpublished case is written")
        #expect(
            draft.standardError.hasPrefix(
                "content/cases/linjiang-night-market-fire-safety.md:1:1: error: 这篇案例还没有发布（草稿或待审核），不能发到公众号\n"))

        let page = try PortalProcess.run(["wechat", "content/pages/about.md"], in: folder)
        #expect(page.status == 1)
        #expect(page.standardError.contains("error: 不是 content/cases/ 中的案例"), "\(page.standardError)")

        let missing = try PortalProcess.run(["wechat", "content/cases/没有这篇.md"], in: folder)
        #expect(missing.standardError.hasPrefix("content/cases/没有这篇.md:1:1: error: 文件不存在\n"))

        // A phone written into the case's data would be in the article: it is not written.
        let cases = folder.appendingPathComponent("content/cases/nanpu-auto-repair-street.md")
        let text = try String(contentsOf: cases, encoding: .utf8)
        try text.replacingOccurrences(of: "author: 南浦区市场监管局", with: "author: 南浦区市场监管局 13912345678")
            .write(to: cases, atomically: true, encoding: .utf8)
        let phone = try PortalProcess.run(["wechat", "content/cases/nanpu-auto-repair-street.md"], in: folder)
        #expect(phone.status == 1)
        #expect(phone.standardOutput.isEmpty)
    }

    @Test func theBuildWritesOneFilePerPublishedCaseLinkedFromNoPublicPage() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try PortalProcess.run(["build", "--output", "site"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let site = folder.appendingPathComponent("site")
        let articles = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("wechat").path).sorted()
        let cases = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("cases").path)
            .filter { FileManager.default.fileExists(atPath: site.appendingPathComponent("cases/\($0)/index.html").path) }
            .filter { !$0.hasPrefix("page") }.sorted()
        #expect(articles == cases, "one article per published case")
        #expect(!articles.contains("linjiang-night-market-fire-safety"), "no draft")
        let html = try String(
            contentsOf: site.appendingPathComponent("wechat/nanpu-auto-repair-street/index.html"), encoding: .utf8)
        Self.expectPastable(html, base: nil)
        #expect(html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"))
        let sitemap = try String(contentsOf: site.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        #expect(!sitemap.contains("wechat"))
        let pages = FileManager.default.enumerator(atPath: site.path)?.compactMap { $0 as? String } ?? []
        for page in pages where page.hasSuffix(".html") && !page.hasPrefix("wechat/") {
            let text = try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8)
            #expect(!text.contains("wechat/"), "\(page) links to no article file")
        }
    }
}
