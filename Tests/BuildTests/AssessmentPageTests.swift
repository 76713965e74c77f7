import Build
import Content
import Core
import Foundation
import Model
import Spreadsheets
import Testing
import Writers

/// The assessment (考核): each district's scorecard computed from the fixture's data and the
/// hand-entered scores, ranked on `assessment/`, reached from the dashboard and the district
/// columns, and the report upward that holds the same figures as numbers.
@Suite struct AssessmentPageTests {
    /// 2025: 东湖区 has the fixture's one demonstration site (the minimum is one per district) and
    /// four published cases; 西津区 and 南浦区 four cases each and no demonstration site. By hand,
    /// 西津区 and 南浦区 score the same, so they share the second place.
    static let scheme = """
        dimensions:
          - {name: 体制机制, weight: 40, measure: 手工打分, basis: 考核组评定}
          - {name: 典型示范, weight: 30, measure: 示范点数, basis: 年末的示范点数}
          - {name: 宣传报道, weight: 30, measure: 发布案例数, target: 8, basis: 当年发布的案例}
        scores:
          - {year: 2025, district: 东湖区, 体制机制: 30}
          - {year: 2025, district: 西津区, 体制机制: 35}
          - {year: 2025, district: 南浦区, 体制机制: 35}

        """

    static func workspace() throws -> FixtureWorkspace {
        let fixture = try FixtureWorkspace()
        try scheme.write(to: fixture.content.appendingPathComponent("data/assessment.yaml"), atomically: true, encoding: .utf8)
        return fixture
    }

    static func build(_ fixture: FixtureWorkspace) async throws -> [String: [UInt8]] {
        var options = fixture.options
        options.today = Day(year: 2026, month: 12, day: 3)!
        let sink = MemorySink()
        _ = try await SiteBuilder(options: options).build(into: sink)
        return await sink.files
    }

    @Test func ranksTheDistrictsAndLinksEachDimensionsEvidence() async throws {
        let fixture = try Self.workspace()
        defer { fixture.remove() }
        let page = try #require(try await Self.build(fixture).text("assessment/index.html"))
        #expect(
            page.contains(
                ##"<tr><td data-label="排名">第 1 名</td><th scope="row"><a href="#y2025-donghu">东湖区</a></th><td data-label="体制机制">30</td><td data-label="典型示范">30</td><td data-label="宣传报道">15</td><td data-label="总分"><strong>75</strong></td></tr>"##
            ))
        #expect(page.contains(##"<a href="#y2025-xijin">西津区</a></th><td data-label="体制机制">35</td>"##))
        let ranks = ["东湖区", "西津区", "南浦区"].map { name in
            page.components(separatedBy: "\(name)</a> 2025年度：").dropFirst().first.map { String($0.prefix { $0 != "<" }) }
        }
        #expect(ranks == ["75 分，第 1 名", "50 分，第 2 名", "50 分，第 2 名"], "equal totals share a rank")
        #expect(page.contains(#"<p>示范点数：1 个，达到 1 个得满分。</p>"#))
        #expect(page.contains(#"<li><a href="../sites/site-01/">"#), "the demonstration site that counted")
        #expect(page.contains(#"<p>发布案例数：4 篇，达到 8 篇得满分。</p>"#))
        let cases = page.components(separatedBy: #"<li><a href="../cases/case-"#).count - 1
        #expect(cases == 12, "each district's four published cases of 2025, and no draft")
        #expect(page.contains("<svg"), "the totals drawn as a chart")
    }

    @Test func isReachedFromTheDashboardAndEachDistrictColumn() async throws {
        let fixture = try Self.workspace()
        defer { fixture.remove() }
        let files = try await Self.build(fixture)
        let dashboard = try #require(files.text("dashboard/index.html"))
        #expect(dashboard.contains(##"<li>第 1 名 <a href="../assessment/#y2025-donghu">东湖区</a>：75 分</li>"##))
        #expect(dashboard.contains(##"<a href="../assessment/#y2025">查看各区考核得分和计分依据</a>"##))
        let district = try #require(files.text("districts/nanpu/index.html"))
        #expect(district.contains("总分 <strong>50</strong> 分，在 3 个区中排第 2 名：体制机制 35/40；典型示范 0/30；宣传报道 15/30；"))
        #expect(district.contains(##"<a href="../../assessment/#y2025-nanpu">查看本区考核计分依据</a>"##))
    }

    @Test func aPortalWithoutAssessmentHasNoScorecardPage() async throws {
        let files = try await FixtureSite.build()
        #expect(files["assessment/index.html"] == nil)
        #expect(files.text("dashboard/index.html")?.contains("年度考核") == false)
    }

    @Test func theReportHoldsEachTableWithNumbersAsNumbers() async throws {
        let fixture = try Self.workspace()
        defer { fixture.remove() }
        var loader = ContentLoader(directory: fixture.content, displayRoot: "content")
        loader.today = Day(year: 2026, month: 12, day: 3)!
        let report = SummaryReport(portal: try await loader.load().portal, period: 2025)
        let workbook = fixture.root.appendingPathComponent("report.xlsx")
        try Data(try SummaryWorkbook.xlsx(report)).write(to: workbook)
        let scores = try SpreadsheetFile.read(workbook, displayPath: "report.xlsx", sheet: "考核得分")
        #expect(scores.rows.first?.cells.map(\.value.text) == ["排名", "区", "体制机制（40分）", "典型示范（30分）", "宣传报道（30分）", "总分"])
        let nanpu = try #require(scores.rows.first { $0.cell(at: 2)?.value.text == "南浦区" })
        #expect(
            nanpu.cells.map(\.value) == [
                .number(2, digits: "2"), .text("南浦区"), .number(35, digits: "35"), .number(0, digits: "0"),
                .number(15, digits: "15"), .number(50, digits: "50"),
            ])
        let cases = try SpreadsheetFile.read(workbook, displayPath: "report.xlsx", sheet: "典型案例")
        #expect(cases.rows.last?.cells.map(\.value.text) == ["合计", "4", "4", "4", "12"])
        let sites = try SpreadsheetFile.read(workbook, displayPath: "report.xlsx", sheet: "示范点和联系点")
        #expect(sites.rows.count == 1 + 2, "both sites were set up by 2025")
        #expect(
            sites.rows.dropFirst().map { $0.cell(at: 6)?.value } == [
                .number(2021, digits: "2021"), .number(2023, digits: "2023"),
            ])
        for name in ["联系点履职", "教育培训"] {
            #expect(throws: Never.self) { try SpreadsheetFile.read(workbook, displayPath: "report.xlsx", sheet: name) }
        }
    }
}
