import Build
import Foundation
import Testing

/// The district columns (区县专栏), the districts compared, and the lists of cases, sites and
/// members narrowed by district and category.
@Suite struct DistrictColumnTests {
    @Test func aDistrictColumnShowsItsGapSitesShopsTrainingAndCases() async throws {
        let fixture = try FixtureWorkspace()
        defer { fixture.remove() }
        try """
        - course: course-01
          date: 2025-06-10
          district: 西津区
          trainees: 46
          org_heads: 31
        """.write(to: fixture.content.appendingPathComponent("data/training.yaml"), atomically: true, encoding: .utf8)
        let sink = MemorySink()
        _ = try await fixture.builder.build(into: sink)
        let files = await sink.files
        let page = try #require(files.text("districts/xijin/index.html"))
        #expect(page.contains("<h1>西津区专栏</h1>"))
        #expect(page.contains(#"已建示范点 <strong>0</strong> 个，每区至少 1 个：还差 <strong>1</strong> 个。"#))
        #expect(page.contains(#"<th scope="row"><a href="../../sites/site-02/">西津古街党员服务站</a></th>"#))
        #expect(page.contains("<td>联系点</td>\n        <td>4/6</td>\n        <td>有设施、有书报</td>"), "六有 done and missing")
        #expect(page.contains("<strong>孙立军</strong> · 立军茶庄"), "its party-member shop")
        #expect(!page.contains("13800000003"), "never a private field")
        #expect(!page.contains("陈秀英"), "no shop of another district")
        #expect(page.contains(#"<time datetime="2025-06-10">2025年6月10日</time>"#), "the training class held there")
        #expect(page.contains(#"<td>46</td><td>31</td>"#))
        let cards = page.components(separatedBy: #"<li class="card">"#).count - 1
        #expect(cards == 6, "its six newest cases")
        #expect(page.contains(#"<a href="../../districts/xijin/cases/">查看本区全部 9 篇典型案例</a>"#))
        #expect(
            page.contains(#"<a href="../../districts/xijin/cases/xiaowei/">小微企业 <span class="count">3</span></a>"#),
            "its cases by category")

        let east = try #require(files.text("districts/donghu/index.html"))
        #expect(east.contains("每区至少 1 个：已达标。"))
        #expect(east.contains("本区还没有举办轮训班。"), "an empty state is a sentence")
    }

    @Test func theDistrictsPageComparesTheDistrictsInATableThatScrolls() async throws {
        let files = try await FixtureSite.build()
        let page = try #require(files.text("districts/index.html"))
        #expect(page.contains(#"<div class="table-wrap" role="region" aria-labelledby="districts-compare-title" tabindex="0">"#))
        #expect(page.contains(#"<table class="compare-table">"#), "its cells do not wrap (portal.css)")
        #expect(
            page.contains(
                """
                <th scope="row"><a href="../districts/xijin/">西津区</a></th>
                        <td>0</td>
                        <td>1</td>
                        <td>1</td>
                        <td>9</td>
                        <td>0/1</td>
                        <td>还差 1 个</td>
                """))
        let css = try #require(files.text("assets/portal.css"))
        #expect(css.contains(".compare-table th, .compare-table td, .site-table td { white-space: nowrap; }"))
    }

    @Test func theListsOfCasesAreNarrowedByDistrictAndCategoryOnPagesOfTheirOwn() async throws {
        let files = try await FixtureSite.build()
        func cases(_ path: String) throws -> [String] {
            let page = try #require(files.text(path), "\(path)")
            return page.components(separatedBy: #"<p class="meta"><time"#).dropFirst().compactMap { card in
                card.components(separatedBy: "</a> · <a").first.flatMap { $0.components(separatedBy: ">").last }
            }
        }
        #expect(try cases("districts/xijin/cases/index.html").allSatisfy { $0 == "西津区" })
        #expect(try cases("districts/xijin/cases/index.html").count == 9)
        let both = try #require(files.text("districts/xijin/cases/xiaowei/index.html"))
        #expect(both.contains("<h1>西津区小微企业典型案例</h1>"))
        #expect(!both.contains(#"<a href="../../../../categories/getihu/">个体工商户</a></p>"#), "only 小微企业")
        #expect(both.contains(#"<a href="../../../../categories/xiaowei/">小微企业</a>"#))

        let all = try #require(files.text("cases/index.html"))
        #expect(all.contains(#"<nav class="list-filters" aria-label="筛选案例">"#))
        #expect(all.contains(#"<a href="../districts/xijin/cases/" data-filter="district" data-value="xijin">西津区</a>"#))
        #expect(all.contains(#"<a href="../categories/xiaowei/" data-filter="category" data-value="xiaowei">小微企业</a>"#))
        #expect(all.contains(#"<a href="../cases/" data-filter="district" data-value="" aria-current="page">全部</a>"#))
        let district = try #require(files.text("districts/xijin/cases/index.html"))
        #expect(
            district.contains(
                #"<a href="../../../districts/xijin/cases/xiaowei/" data-filter="category" data-value="xiaowei">小微企业</a>"#),
            "a category chosen keeps the district")
        let category = try #require(files.text("categories/xiaowei/index.html"))
        #expect(
            category.contains(
                #"<a href="../../districts/xijin/cases/xiaowei/" data-filter="district" data-value="xijin">西津区</a>"#),
            "a district chosen keeps the category")
    }

    @Test func theListsOfSitesAndMembersAreNarrowedToo() async throws {
        let files = try await FixtureSite.build()
        let sites = try #require(files.text("sites/index.html"))
        #expect(sites.contains("<div data-filter-list>"), "the full list filters in place with the script")
        #expect(sites.contains(#"<a href="../districts/xijin/sites/" data-filter="district" data-value="xijin">西津区</a>"#))
        let westSites = try #require(files.text("districts/xijin/sites/index.html"))
        #expect(westSites.contains("西津古街党员服务站") && !westSites.contains("东湖水产市场党群服务中心"))
        #expect(westSites.contains("这里没有示范点。"))
        #expect(!westSites.contains("data-filter-list"), "a narrowed list is not filtered in place")
        let marketSites = try #require(files.text("categories/shichang/sites/index.html"))
        #expect(marketSites.contains("东湖水产市场党群服务中心") && !marketSites.contains("西津古街党员服务站"))

        let members = try #require(files.text("districts/donghu/members/index.html"))
        #expect(members.contains("陈秀英") && members.contains("吴德昌") && !members.contains("孙立军"))
        #expect(members.contains(#"共 <span data-filter-total>2</span> 户"#))
        let shopMembers = try #require(files.text("categories/getihu/members/index.html"))
        #expect(shopMembers.contains("孙立军") && !shopMembers.contains("陈秀英"), "members by the category of their site")
        let script = try #require(files.text("assets/portal.js"))
        #expect(script.contains(#"document.querySelector("[data-filter-list]")"#))
    }
}
