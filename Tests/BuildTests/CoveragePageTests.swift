import Build
import Core
import Foundation
import Testing

/// The two coverages (`coverage/`): counts and rates by district and category computed from
/// `coverage.yaml`, the blind spots, and a district whose coverage fell, flagged on the page,
/// the dashboard, its column and by a warning at its row.
@Suite struct CoveragePageTests {
    /// Two snapshots: 东湖区 gains organisations, 西津区 loses five of its 30 (10.0% to 8.3%).
    static let coverage = """
        - as_of: 2025-12-31
          rows:
            - {district: 东湖区, category: 小微企业, entities: 200, standalone: 10, joint: 20, affiliated: 10, with_members: 50, members: 70, instructed: 60}
            - {district: 东湖区, category: 个体工商户, entities: 800, standalone: 4, joint: 16, affiliated: 20, with_members: 100, members: 110, instructed: 200}
            - {district: 西津区, category: 小微企业, entities: 300, standalone: 15, joint: 15, affiliated: 0, with_members: 40, members: 45, instructed: 30}
        - as_of: 2026-11-30
          rows:
            - {district: 东湖区, category: 小微企业, entities: 200, standalone: 12, joint: 20, affiliated: 10, with_members: 52, members: 73, instructed: 60}
            - {district: 东湖区, category: 个体工商户, entities: 800, standalone: 4, joint: 20, affiliated: 20, with_members: 104, members: 115, instructed: 210}
            - {district: 西津区, category: 小微企业, entities: 300, standalone: 10, joint: 15, affiliated: 0, with_members: 40, members: 45, instructed: 40}
          clusters:
            - {kind: 园区, name: 东湖科创园, district: 东湖区, members: 12, organized: true}
            - {kind: 楼宇, name: 西津金融大厦, district: 西津区, members: 9, organized: false}
            - {kind: 商圈, name: 东湖夜市商圈, district: 东湖区, members: 0, organized: false}

        """

    static func build(_ text: String = coverage) async throws -> (files: [String: [UInt8]], warnings: [String]) {
        let fixture = try FixtureWorkspace()
        defer { fixture.remove() }
        try text.write(to: fixture.content.appendingPathComponent("data/coverage.yaml"), atomically: true, encoding: .utf8)
        var options = fixture.options
        options.today = Day(year: 2026, month: 12, day: 3)!
        let sink = MemorySink()
        let report = try await SiteBuilder(options: options).build(into: sink)
        return (await sink.files, report.warnings.map(\.description))
    }

    @Test func tablesEachDistrictAndCategoryWithItsCountsAndBothRatesAndTheTotals() async throws {
        let page = try #require(await Self.build().files.text("coverage/index.html"))
        #expect(page.contains(#"统计截至 <time datetime="2026-11-30">2026年11月30日</time>"#))
        // 东湖区 小微企业: 42 of 200 organised (21.0%), with 60 instructed 102 of 200 reached (51.0%).
        #expect(
            page.contains(
                #"<th scope="row">东湖区 · 小微企业</th>"#
                    + "\n      "
                    + #"<td data-label="户数">200</td><td data-label="单独建">12</td><td data-label="联合建">20</td><td data-label="挂靠建">10</td><td data-label="建有党组织">42</td><td data-label="组织覆盖率">21.0%</td><td data-label="党建指导员覆盖">60</td><td data-label="工作覆盖率">51.0%</td><td data-label="有党员户数">52</td><td data-label="党员人数">73</td>"#
            ))
        // 东湖区 in all: 86 of 1000 organised, 356 reached.
        #expect(
            page.contains(
                #"<th scope="row"><a href="../districts/donghu/">东湖区</a>合计</th>"#
                    + "\n      "
                    + #"<td data-label="户数">1000</td><td data-label="单独建">16</td><td data-label="联合建">40</td><td data-label="挂靠建">30</td><td data-label="建有党组织">86</td><td data-label="组织覆盖率">8.6%</td><td data-label="党建指导员覆盖">270</td><td data-label="工作覆盖率">35.6%</td>"#
            ))
        #expect(page.contains(#"<th scope="row">全市 · 小微企业</th>"#))
        // The city: 111 of 1300 organised (8.5%), 421 reached (32.4%).
        #expect(page.contains("全市 1300 户，建有党组织 111 户，<strong>组织覆盖率 8.5%</strong>；选派党建指导员覆盖 310 户，<strong>工作覆盖率 32.4%</strong>"))
        #expect(!page.contains("南浦区 ·"), "a district without rows has none")
        #expect(page.contains("<svg"), "the rates by district are charted")
    }

    @Test func listsTheClustersWithMembersButNoOrganisationAsBlindSpots() async throws {
        let page = try #require(await Self.build().files.text("coverage/index.html"))
        #expect(page.contains("登记的 3 个园区、楼宇、商圈和专业市场中"))
        #expect(page.contains(#"<li>楼宇 西津金融大厦（<a href="../districts/xijin/">西津区</a>，党员 9 人）</li>"#))
        #expect(!page.contains("<li>商圈 东湖夜市商圈"), "no members there: not a blind spot")
        #expect(!page.contains("<li>园区 东湖科创园"), "organised")
    }

    @Test func flagsADistrictThatLostCoverageOnThePagesAndAtItsRow() async throws {
        let (files, warnings) = try await Self.build()
        let page = try #require(files.text("coverage/index.html"))
        #expect(
            page.contains(
                #"<li><a href="../districts/xijin/">西津区</a>：2025年12月31日 10.0%（建有党组织 30 户）→ 2026年11月30日 8.3%（25 户）</li>"#))
        #expect(!page.contains(#"<li><a href="../districts/donghu/">东湖区</a>："#), "东湖区 gained")
        let dashboard = try #require(files.text("dashboard/index.html"))
        #expect(dashboard.contains(#"<a href="../coverage/">查看两个覆盖情况</a>"#))
        #expect(dashboard.contains(#"<li><a href="../districts/xijin/">西津区</a>：10.0% → 8.3%</li>"#))
        let district = try #require(files.text("districts/xijin/index.html"))
        #expect(district.contains("<strong>组织覆盖比上一次统计下降</strong>：10.0% → 8.3%"))
        #expect(district.contains("<li>楼宇 西津金融大厦（党员 9 人）</li>"))
        #expect(district.contains(#"<a href="../../coverage/">全市两个覆盖情况</a>"#))
        let donghu = try #require(files.text("districts/donghu/index.html"))
        #expect(donghu.contains("截至2026年11月30日：1000 户中建有党组织 86 户，组织覆盖率 8.6%；工作覆盖率 35.6%。"))
        #expect(!donghu.contains("组织覆盖比上一次统计下降"))
        #expect(
            warnings.filter { $0.contains("建有党组织的户数减少") } == [
                "content/data/coverage.yaml:10:7: warning: 西津区建有党组织的户数减少：2025-12-31 为 30 户（覆盖率 10.0%），2026-11-30 为 25 户（覆盖率 8.3%）\n  hint: 核对西津区各行的户数和单独建、联合建、挂靠建户数；数据无误时，该区须查明党组织减少的原因并补建"
            ])
    }

    @Test func saysSoWhenThereIsNoCoverageData() async throws {
        let fixture = try FixtureWorkspace()
        defer { fixture.remove() }
        let sink = MemorySink()
        _ = try await SiteBuilder(options: fixture.options).build(into: sink)
        let page = try #require(await sink.files.text("coverage/index.html"))
        #expect(page.contains("还没有两个覆盖的统计数据。"))
        let district = try #require(await sink.files.text("districts/donghu/index.html"))
        #expect(district.contains("本区还没有两个覆盖的统计数据。"))
    }
}
