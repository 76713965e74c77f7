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
        #expect(page.contains(#"<svg class="chart""#))
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
