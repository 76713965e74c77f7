import Build
import Foundation
import Testing

/// The targets dashboard (`dashboard/index.html`) and its spreadsheets (`dashboard/*.csv`).
@Suite struct DashboardPageTests {
    @Test func writesEveryTableAsASpreadsheetThatOpensInExcel() async throws {
        let files = try await FixtureSite.build()
        let csv = try #require(files["dashboard/cases-by-district.csv"])
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]), "a byte-order mark, or Excel shows the Chinese garbled")
        let text = String(decoding: csv.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("区,小微企业,个体工商户,专业市场,合计\r\n"))
        #expect(text.hasSuffix("\r\n"))
        let totals = text.split(separator: "\r\n").dropFirst().compactMap { Int($0.split(separator: ",").last ?? "") }
        #expect(totals.reduce(0, +) == 25, "the fixture publishes 25 cases")
        for table in ["targets", "sites-by-district", "liuyou-by-district", "liuyou-by-site", "cases-by-year", "courses"] {
            #expect(files["dashboard/\(table).csv"] != nil, "dashboard/\(table).csv")
        }
    }

    @Test func showsEachTableWithItsChartAndItsDownload() async throws {
        let files = try await FixtureSite.build()
        let page = try #require(files.text("dashboard/index.html"))
        #expect(page.contains(#"<h2 id="sites-by-district-title">各区示范点与联系点</h2>"#))
        #expect(page.contains("<caption>各区示范点与联系点</caption>"))
        #expect(page.contains(#"<th scope="col">示范点最低要求</th>"#))
        #expect(page.contains(#"<th scope="row">东湖区</th>"#))
        #expect(page.contains(#"<svg class="chart chart-fluid""#))
        #expect(page.contains(#"<a href="../dashboard/sites-by-district.csv" download>"#))
        let home = try #require(files.text("index.html"))
        #expect(home.contains(#"href="dashboard/""#), "the navigation leads to it")
    }

    @Test func showsTheTrainingClassesOnTheDashboardAndOnTheirCourse() async throws {
        let fixture = try FixtureWorkspace()
        defer { fixture.remove() }
        try """
        # 轮训记录
        - course: course-01
          date: 2025-06-10
          district: 东湖区
          trainees: 46
          org_heads: 31
        """.write(to: fixture.content.appendingPathComponent("data/training.yaml"), atomically: true, encoding: .utf8)
        let sink = MemorySink()
        _ = try await fixture.builder.build(into: sink)
        let files = await sink.files
        let course = try #require(files.text("courses/course-01/index.html"))
        #expect(course.contains(#"<h2 id="course-sessions-title">开班记录</h2>"#))
        #expect(
            course.contains(
                #"<th scope="row"><time datetime="2025-06-10">2025年6月10日</time></th><td>东湖区</td><td>46</td><td>31</td>"#))
        let csv = try #require(files["dashboard/training-by-district.csv"])
        #expect(String(decoding: csv.dropFirst(3), as: UTF8.self).contains("东湖区,1,46,31\r\n"))
    }
}

/// The dashboard as leaders read it: tiles first, the day of the figures, charts that fill the
/// column with their tables folded under them, and no words of the program that makes it.
@Suite struct DashboardTilesTests {
    @Test func showsATilePerTargetWithItsPaceInWords() async throws {
        let files = try await FixtureSite.build()
        let page = try #require(files.text("dashboard/index.html"))
        #expect(page.contains(#"<p class="as-of">数据截至 <time datetime="2026-01-01">2026年1月1日</time></p>"#))
        let tiles = try #require(page.range(of: #"<ul class="tiles">"#))
        let firstTable = try #require(page.range(of: #"<section class="dashboard-table""#))
        #expect(tiles.lowerBound < firstTable.lowerBound, "the tiles come first")
        // One of 50 sites a year into a three-year window: 16 expected.
        #expect(page.contains(#"<li class="tile tile-behind">"#))
        #expect(page.contains(#"<h3 class="tile-label">示范点</h3>"#))
        #expect(page.contains(#"<p class="tile-figure"><strong>1</strong> / 50 个 <span class="tile-percent">2%</span></p>"#))
        #expect(page.contains(#"<span class="status-mark" aria-hidden="true"></span>落后于进度</p>"#))
        #expect(page.contains("还差 49 个；截止 <time datetime=\"2027-12-31\">2027年12月31日</time>；按时间进度此时应达 16 个"))
        #expect(page.contains(#"<li class="tile tile-unmet">"#), "a target without a window is only unmet")
    }

    @Test func chartsFillTheColumnAndTheirTablesAreFoldedUnderThem() async throws {
        let files = try await FixtureSite.build()
        let page = try #require(files.text("dashboard/index.html"))
        #expect(page.contains(#"<svg class="chart chart-fluid" width="100%""#))
        #expect(!page.contains(#"width="320""#))
        #expect(page.contains(#"<details class="table-details">"#))
        #expect(page.contains("<summary>查看“各区示范点与联系点”数据表</summary>"))
        #expect(page.contains(#"<text class="legend" x="1.1em""#) && page.contains(">联系点</text>"), "both kinds charted")
        // Ranked by gap: 西津区 and 南浦区 lack their one site, 东湖区 has it.
        let west = try #require(page.range(of: #"<th scope="row">西津区</th>"#))
        let east = try #require(page.range(of: #"<th scope="row">东湖区</th>"#))
        #expect(west.lowerBound < east.lowerBound, "the largest gap first")
        let css = try #require(files.text("assets/portal.css"))
        #expect(css.contains(".chart-fluid { display: block; width: 100%; overflow: visible; font-size: 0.9375rem; }"))
    }

    @Test func readersSeeNoFileNamesNorBuildWords() async throws {
        let files = try await FixtureSite.build()
        for path in ["dashboard/index.html", "index.html", "districts/index.html", "districts/donghu/index.html"] {
            let page = try #require(files.text(path))
            let text = page.replacingOccurrences(of: #"<[^>]*>"#, with: "", options: .regularExpression)
            for word in ["portal.yaml", ".yaml", "构建", "data/", "training.yaml", "sites.yaml"] {
                #expect(!text.contains(word), "\(path) shows '\(word)'")
            }
        }
    }
}
