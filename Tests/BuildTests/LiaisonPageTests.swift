import Build
import Core
import Foundation
import Testing

/// The liaison points' duties (`liaison/`), the flags of a point whose leader has not been there
/// this year (dashboard, site page, district column, `check`), all computed on the build's day.
@Suite struct LiaisonPageTests {
    /// The fixture with a second liaison point, `site-09` in 南浦区, and a log in which
    /// `site-02`'s leader did all three duties this year and `site-09`'s came only last year.
    static func workspace() throws -> FixtureWorkspace {
        let fixture = try FixtureWorkspace()
        let sites = fixture.content.appendingPathComponent("data/sites.yaml")
        let handle = try FileHandle(forWritingTo: sites)
        handle.seekToEndOfFile()
        handle.write(
            Data(
                """

                - id: site-09
                  name: 南浦汽修街联系点
                  kind: 联系点
                  district: 南浦区
                  category: 个体工商户
                  since: 2023
                  liuyou: {场所: true, 设施: true, 标志: true, 党旗: true, 书报: true, 制度: true}

                """.utf8))
        try handle.close()
        try """
        - site: site-02
          leader: {title: 副局长, name: 周立新}
          activities:
            - {date: 2026-03-12, kind: 调研, summary: 走访古街商户}
            - {date: 2026-06-28, kind: 主题党日, summary: 参加服务站主题党日, case: case-01}
            - {date: 2026-09-15, kind: 解决困难, summary: 协调解决商户停车难}
        - site: site-09
          leader: {title: 局长, name: 刘振华}
          activities:
            - {date: 2025-05-14, kind: 调研, summary: 调研维修价格公示}

        """.write(to: fixture.content.appendingPathComponent("data/liaison.yaml"), atomically: true, encoding: .utf8)
        return fixture
    }

    static func options(_ fixture: FixtureWorkspace) -> SiteBuilder.Options {
        var options = fixture.options
        options.today = Day(year: 2026, month: 12, day: 3)!
        return options
    }

    @Test func tablesEachPointsDutiesWithItsLeaderLatestActivityAndCases() async throws {
        let fixture = try Self.workspace()
        defer { fixture.remove() }
        let sink = MemorySink()
        _ = try await SiteBuilder(options: Self.options(fixture)).build(into: sink)
        let page = try #require(await sink.files.text("liaison/index.html"))
        #expect(page.contains("<caption id=\"liaison-table-title\">2026年度联系点履职情况</caption>"))
        #expect(page.contains("共 2 个联系点，1 个三项职责全部履行，1 个本年度尚无联系领导履职记录"))
        #expect(page.contains(#"<a href="../sites/site-02/">西津古街党员服务站</a>"#))
        #expect(page.contains("<td data-label=\"联系领导\">副局长 周立新</td>"))
        #expect(
            page.contains(
                #"<td data-label="专题调研" class="is-met">✓ 已履行</td><td data-label="党课或主题党日" class="is-met">✓ 已履行</td><td data-label="解决实际困难" class="is-met">✓ 已履行</td>"#
            ))
        #expect(page.contains(#"<time datetime="2026-09-15">2026年9月15日</time> 解决困难：协调解决商户停车难"#))
        #expect(page.contains(#"<a href="../cases/case-01/">西津区小微企业党建案例1</a>"#))
        #expect(page.contains(#"<a href="../sites/site-09/">南浦汽修街联系点</a><br><strong class="flag">本年度未履职</strong>"#))
        #expect(
            page.contains(
                #"<td data-label="专题调研" class="is-missing">✗ 未履行</td><td data-label="党课或主题党日" class="is-missing">✗ 未履行</td><td data-label="解决实际困难" class="is-missing">✗ 未履行</td>"#
            ),
            "site-09's 2025 survey does not count for 2026")
    }

    @Test func flagsALeaderWhoHasNotVisitedThisYearEverywhere() async throws {
        let fixture = try Self.workspace()
        defer { fixture.remove() }
        let sink = MemorySink()
        let report = try await SiteBuilder(options: Self.options(fixture)).build(into: sink)
        let files = await sink.files
        let dashboard = try #require(files.text("dashboard/index.html"))
        #expect(dashboard.contains(#"<a href="../liaison/">查看联系点履职情况表</a>"#))
        #expect(dashboard.contains(#"<li><a href="../sites/site-09/">南浦汽修街联系点</a>（南浦区，联系领导 局长 刘振华）</li>"#))
        #expect(!dashboard.contains(#"<li><a href="../sites/site-02/">"#), "site-02's leader has been there")
        let site = try #require(files.text("sites/site-09/index.html"))
        #expect(site.contains("本年度还没有联系领导到这里履职的记录。"))
        #expect(try #require(files.text("sites/site-02/index.html")).contains("本年度还没有联系领导") == false)
        let district = try #require(files.text("districts/nanpu/index.html"))
        #expect(district.contains(#"<a href="../../sites/site-09/">南浦汽修街联系点</a>：<strong class="flag">本年度未履职</strong>"#))
        #expect(district.contains(#"<a href="../../liaison/">全部联系点履职情况</a>"#))
        let warnings = report.warnings.filter { $0.message.contains("履职记录") }.map(\.description)
        #expect(
            warnings == [
                "content/data/liaison.yaml:7:3: warning: 联系点 'site-09'（南浦汽修街联系点）2026年还没有联系领导的履职记录\n  hint: 局长刘振华每年须到联系点开展调研、党课或主题党日、帮助解决困难；开展后记入 activities"
            ])
    }

    @Test func warnsAtTheSiteOfALiaisonPointWithoutAnEntry() async throws {
        let fixture = try Self.workspace()
        defer { fixture.remove() }
        try "- site: site-09\n  leader: {title: 局长, name: 刘振华}\n  activities:\n    - {date: 2026-05-14, kind: 调研, summary: 调研}\n"
            .write(to: fixture.content.appendingPathComponent("data/liaison.yaml"), atomically: true, encoding: .utf8)
        let report = try await SiteBuilder(options: Self.options(fixture)).build(into: MemorySink())
        let warnings = report.warnings.filter { $0.message.contains("履职记录") }.map(\.description)
        #expect(warnings.count == 1)
        #expect(
            warnings.first?.hasPrefix("content/data/sites.yaml:11:3: warning: 联系点 'site-02'（西津古街党员服务站）在 liaison.yaml 中没有履职记录")
                == true)
    }
}
