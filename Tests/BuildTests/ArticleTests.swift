import Build
import Core
import Foundation
import Testing

/// News reports, notices and policy documents: their lists and pages, their blocks on the home
/// page, their entries in the feed, the sitemap and the search index, and links between them.
@Suite struct ArticleTests {
    /// A picture of 4 × 3 pixels.
    static let png: [UInt8] = [
        137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 4, 0, 0, 0, 3, 8, 2, 0, 0, 0, 59, 150, 57,
        145, 0, 0, 0, 20, 73, 68, 65, 84, 120, 156, 99, 220, 34, 34, 199, 0, 3, 76, 12, 72, 0, 133, 3, 0, 34, 112, 0, 236,
        152, 217, 148, 125, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
    ]
    /// A PDF of 1,500 bytes.
    /// A real PDF (its text is read for the privacy check), 1,500 bytes long.
    static let pdf: [UInt8] = {
        let document = AttachmentPrivacyTests.pdf("Action plan 2025")
        return document + [UInt8](repeating: 0x20, count: 1500 - document.count)
    }()

    static let today = Day(year: 2025, month: 6, day: 1)!

    static func news(_ number: Int, district: String? = nil, cover: String? = nil, body: String = "正文。") -> String {
        """
        ---
        title: 工作动态\(number)
        date: 2025-05-\(String(format: "%02d", number))
        summary: 第\(number)条动态的摘要。
        \(district.map { "district: \($0)\n" } ?? "")\(cover.map { "cover: \($0)\n" } ?? "")---

        \(body)

        """
    }

    static let files: [String: String] = {
        var files: [String: String] = [:]
        for number in 1...6 { files["news/n\(number).md"] = news(number) }
        files["news/n6.md"] = news(
            6, district: "东湖区", cover: "n6.png", body: "详见[报送通知](../notices/open.md)和[行动方案](../policies/plan.md#工作目标)。")
        files["notices/closed.md"] = """
            ---
            title: 已截止的通知
            date: 2025-01-05
            until: 2025-01-31
            summary: 一月底截止。
            ---

            请按时报送。

            """
        files["notices/open.md"] = """
            ---
            title: 仍有效的通知
            date: 2025-05-10
            until: 2025-12-31
            summary: 年底截止。
            ---

            请按时报送。

            """
        files["policies/plan.md"] = """
            ---
            title: 示范点建设三年行动方案
            number: 测市监党〔2025〕3号
            issuer: 中共测试市市场监督管理局党组
            date: 2025-02-18
            summary: 到2027年底建成示范点50个。
            attachment: plan.pdf
            ---

            ## 工作目标

            建成示范点50个。

            """
        files["policies/training.md"] = """
            ---
            title: 书记轮训工作通知
            number: 测市监党〔2025〕7号
            issuer: 中共测试市市场监督管理局党组
            date: 2025-04-10
            ---

            五年轮训一遍。

            """
        return files
    }()

    /// The fixture portal with the files above, and the picture and PDF they name.
    static func workspace() throws -> FixtureWorkspace {
        let workspace = try FixtureWorkspace()
        for (path, text) in files {
            let url = workspace.content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try Data(png).write(to: workspace.content.appendingPathComponent("news/n6.png"))
        try Data(pdf).write(to: workspace.content.appendingPathComponent("policies/plan.pdf"))
        return workspace
    }

    static func options(_ workspace: FixtureWorkspace) -> SiteBuilder.Options {
        var options = workspace.options
        options.today = today
        return options
    }

    /// Every file of the built portal, as text.
    static func build() async throws -> [String: String] {
        let workspace = try workspace()
        defer { workspace.remove() }
        let sink = MemorySink()
        _ = try await SiteBuilder(options: options(workspace)).build(into: sink)
        return await sink.files.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// The text of `html` between `<main` and `</main>`.
    static func main(_ html: String?) -> String {
        guard let html, let start = html.range(of: "<main"), let end = html.range(of: "</main>") else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
    }

    static func positions(of titles: [String], in text: String) -> [Int] {
        titles.map { title in text.range(of: title).map { text.distance(from: text.startIndex, to: $0.lowerBound) } ?? -1 }
    }

    @Test func listsEachKindNewestFirstWithTabsToTheOthers() async throws {
        let files = try await Self.build()
        let news = Self.main(files["news/index.html"])
        let order = Self.positions(of: (1...6).reversed().map { "工作动态\($0)" }, in: news)
        #expect(!order.contains(-1) && order == order.sorted(), "news newest first: \(order)")
        #expect(news.contains("共 6 篇"))
        #expect(news.contains(#"<a href="../news/" aria-current="true">工作动态</a>"#))
        #expect(news.contains(#"<a href="../notices/">通知公告</a>"#))
        let notices = Self.main(files["notices/index.html"])
        let noticeOrder = Self.positions(of: ["仍有效的通知", "已截止的通知"], in: notices)
        #expect(!noticeOrder.contains(-1) && noticeOrder == noticeOrder.sorted())
        let policies = Self.main(files["policies/index.html"])
        #expect(policies.contains(#"<span class="doc-number">测市监党〔2025〕7号</span>"#))
        #expect(policies.contains("共 2 件"))
        // The three lists share the navigation's 新闻动态 entry.
        #expect(files["policies/index.html"]?.contains(#"<a href="../news/" aria-current="page">新闻动态</a>"#) == true)
    }

    @Test func paginatesAListAsTheCaseListIs() async throws {
        let workspace = try Self.workspace()
        defer { workspace.remove() }
        for number in 7...21 {
            let text = Self.news(number % 28 + 1).replacingOccurrences(of: "工作动态\(number % 28 + 1)", with: "补充动态\(number)")
            try Data(text.utf8).write(to: workspace.content.appendingPathComponent("news/extra-\(number).md"))
        }
        let sink = MemorySink()
        _ = try await SiteBuilder(options: Self.options(workspace)).build(into: sink)
        let files = await sink.files
        #expect(files["news/page/2/index.html"] != nil, "21 news reports take two pages of 20")
        #expect(files["news/page/3/index.html"] == nil)
        let first = Self.main(files["news/index.html"].map { String(decoding: $0, as: UTF8.self) })
        #expect(first.contains(#"page/2/" rel="next">下一页</a>"#))
    }

    @Test func aPolicyPageShowsItsNumberIssuerDateAndOriginal() async throws {
        let files = try await Self.build()
        let page = Self.main(files["policies/plan/index.html"])
        #expect(page.contains("<dt>文号</dt><dd>测市监党〔2025〕3号</dd>"))
        #expect(page.contains("<dt>发文机关</dt><dd>中共测试市市场监督管理局党组</dd>"))
        #expect(page.contains(#"<dt>成文日期</dt><dd><time datetime="2025-02-18">2025年2月18日</time></dd>"#))
        let attachment = try #require(files.keys.first { $0.hasPrefix("media/policies/plan.") && $0.hasSuffix(".pdf") })
        #expect(page.contains(#"<a href="../../\#(attachment)" download>下载原件（PDF，2 KB）</a>"#))
        #expect(files[attachment]?.utf8.count == Self.pdf.count, "the original is published as it is")
        #expect(!Self.main(files["policies/training/index.html"]).contains("下载原件"), "a policy without an original links none")
    }

    @Test func anExpiredNoticeIsMarkedOnItsPageItsListAndTheHomePage() async throws {
        let files = try await Self.build()
        #expect(Self.main(files["notices/closed/index.html"]).contains("本通知所定事项已于2025年1月31日截止，仅供查阅。"))
        #expect(!Self.main(files["notices/open/index.html"]).contains("已截止"))
        let list = Self.main(files["notices/index.html"])
        #expect(list.components(separatedBy: "badge-expired").count == 2, "only the expired notice is marked")
        let home = Self.main(files["index.html"])
        #expect(
            home.contains(
                #"<a href="notices/closed/">已截止的通知</a> <span class="badge badge-expired">已截止</span>"#))
        #expect(home.contains(#"<a href="notices/open/">仍有效的通知</a> <span class="meta">"#))
    }

    @Test func theHomePageShowsTheLatestFiveNewsAndEveryKindsLatest() async throws {
        let files = try await Self.build()
        let home = Self.main(files["index.html"])
        for number in 2...6 { #expect(home.contains(">工作动态\(number)</a>")) }
        #expect(!home.contains(">工作动态1</a>"), "only the latest five news reports")
        #expect(
            home.contains(
                #"<a href="policies/plan/">示范点建设三年行动方案</a> <span class="meta"><span class="doc-number">测市监党〔2025〕3号</span>"#))
        #expect(home.contains(#"<a href="news/">更多工作动态</a>"#))
    }

    @Test func aNewsPageShowsItsCoverDistrictAndLinksToOtherKinds() async throws {
        let files = try await Self.build()
        let page = Self.main(files["news/n6/index.html"])
        let cover = try #require(files.keys.first { $0.hasPrefix("media/news/n6.") && $0.hasSuffix(".png") })
        #expect(page.contains(#"<img src="../../\#(cover)" alt="工作动态6" width="4" height="3">"#))
        #expect(page.contains(#"工作动态 · <a href="../../districts/donghu/">东湖区</a>"#))
        #expect(page.contains(#"<a href="../../notices/open/">报送通知</a>"#))
        #expect(page.contains(#"<a href="../../policies/plan/#%E5%B7%A5%E4%BD%9C%E7%9B%AE%E6%A0%87">行动方案</a>"#))
        #expect(Self.main(files["news/index.html"]).contains(#"<img class="card-cover" src="../\#(cover)" alt=""#))
    }

    @Test func theFeedAndSitemapHaveEveryItem() async throws {
        let files = try await Self.build()
        let feed = try #require(files["feed.xml"])
        for path in ["news/n6/", "notices/open/", "policies/plan/"] {
            #expect(feed.contains("<id>https://example.gov.cn/xgz/\(path)</id>"), "the feed has \(path)")
        }
        #expect(feed.contains(#"<category term="政策文件"/>"#))
        #expect(feed.contains("<author><name>中共测试市市场监督管理局党组</name></author>"))
        let sitemap = try #require(files["sitemap.xml"])
        for path in ["news/", "notices/", "policies/", "news/n1/", "notices/closed/", "policies/training/"] {
            #expect(sitemap.contains("<loc>https://example.gov.cn/xgz/\(path)</loc>"), "the sitemap has \(path)")
        }
        #expect(sitemap.contains("<loc>https://example.gov.cn/xgz/policies/plan/</loc><lastmod>2025-02-18</lastmod>"))
    }

    @Test func searchFindsEachKindAndSaysWhichKindItIs() async throws {
        let node = try SearchPageTests.node()
        let workspace = try Self.workspace()
        defer { workspace.remove() }
        _ = try await SiteBuilder(options: Self.options(workspace)).publish(to: workspace.output)
        let queries = [
            SearchPageTests.Query(q: "行动方案"), SearchPageTests.Query(q: "仍有效的通知"), SearchPageTests.Query(q: "工作动态6"),
            SearchPageTests.Query(q: "测市监党〔2025〕7号"),
        ]
        let process = Process()
        process.executableURL = node
        process.arguments = [
            SearchPageTests.harness.path, workspace.output.path,
            String(decoding: try JSONEncoder().encode(queries), as: UTF8.self),
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let outcomes = try JSONDecoder().decode([SearchPageTests.Outcome].self, from: data)
        try #require(outcomes.count == queries.count)
        #expect(outcomes[0].results.first.map { "\($0.kind) \($0.path)" } == "政策文件 policies/plan/")
        #expect(outcomes[1].results.first.map { "\($0.kind) \($0.path)" } == "通知公告 notices/open/")
        #expect(outcomes[2].results.first.map { "\($0.kind) \($0.path)" } == "工作动态 news/n6/")
        #expect(outcomes[3].paths.first == "policies/training/", "a policy is found by its number")
    }

    /// Run twice: with the state read from disk before each build, and kept in memory.
    @Test(arguments: [false, true]) func editingOneOfTheseFilesUpdatesTheOutputAsACleanBuildWould(keepingState: Bool)
        async throws
    {
        let workspace = try Self.workspace()
        defer { workspace.remove() }
        let resident = keepingState ? ResidentState() : nil
        let options = Self.options(workspace)
        _ = try await SiteBuilder(options: options).publish(to: workspace.output, keeping: resident)
        let edits: [(String, (String) -> String)] = [
            ("news/n3.md", { $0.replacingOccurrences(of: "正文。", with: "正文改过了。") }),
            ("notices/open.md", { $0.replacingOccurrences(of: "until: 2025-12-31", with: "until: 2025-05-20") }),
            ("policies/training.md", { $0.replacingOccurrences(of: "〔2025〕7号", with: "〔2025〕8号") }),
        ]
        for (path, edit) in edits {
            let url = workspace.content.appendingPathComponent(path)
            try edit(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
            _ = try await SiteBuilder(options: options).publish(to: workspace.output, keeping: resident)
            let clean = workspace.root.appendingPathComponent("clean")
            defer { try? FileManager.default.removeItem(at: clean) }
            var cleanOptions = options
            cleanOptions.updatesInPlace = false
            _ = try await SiteBuilder(options: cleanOptions).publish(to: clean)
            let expected = try FixtureSite.snapshot(clean)
            let actual = try FixtureSite.snapshot(workspace.output)
            #expect(Set(actual.keys) == Set(expected.keys), "the same files after editing \(path)")
            let differing = expected.keys.filter { actual[$0] != nil && actual[$0] != expected[$0] }.sorted()
            #expect(differing.isEmpty, "files that differ after editing \(path): \(differing)")
        }
        let notices = try String(contentsOf: workspace.output.appendingPathComponent("notices/index.html"), encoding: .utf8)
        #expect(notices.components(separatedBy: "badge-expired").count == 3, "the edited notice is now expired too")
    }

    @Test func aBuildOfAnotherDayIsNotQuick() async throws {
        let workspace = try Self.workspace()
        defer { workspace.remove() }
        var options = Self.options(workspace)
        _ = try await SiteBuilder(options: options).publish(to: workspace.output)
        let sameDay = try await SiteBuilder(options: options).publish(to: workspace.output)
        #expect(sameDay.wasQuick)
        options.today = Day(year: 2026, month: 1, day: 1)!
        let nextYear = try await SiteBuilder(options: options).publish(to: workspace.output)
        #expect(!nextYear.wasQuick, "notices may have expired since")
        let notices = try String(contentsOf: workspace.output.appendingPathComponent("notices/index.html"), encoding: .utf8)
        #expect(notices.components(separatedBy: "badge-expired").count == 3)
    }
}
