import Core
import Model

/// A small portal with a document of every kind, for the index tests.
enum SamplePortal {
    static let east = Taxon(name: "东湖区", slug: "donghu")
    static let west = Taxon(name: "西津区", slug: "xijin")
    static let market = Taxon(name: "专业市场", slug: "shichang")
    static let shop = Taxon(name: "个体工商户", slug: "getihu")

    static func body(_ html: String) -> RenderedBody {
        RenderedBody(html: html, tableOfContents: [], firstParagraph: "", readableCharacters: 0)
    }

    static func caseStudy(_ slug: String, _ title: String, date: Day, district: Taxon = east, body html: String) -> CaseStudy {
        CaseStudy(
            slug: slug, title: title, date: date, district: district, category: market, tags: ["六有"], siteIDs: ["site-01"],
            author: "作者", summary: "\(title)的摘要。", body: body(html), source: SourceLocation(path: "\(slug).md"))
    }

    static func portal(cases count: Int = 3) -> Portal {
        let cases = (1...count).map { number in
            caseStudy(
                "case-\(number < 10 ? "0" : "")\(number)", "第\(number)个案例", date: Day(year: 2024, month: 1, day: number)!,
                district: number % 2 == 0 ? west : east, body: "<p>第\(number)个案例推进<strong>阵地建设</strong>。</p>\n")
        }.sorted(by: CaseStudy.newestFirst)
        let site = Site(
            id: "site-01", name: "东湖水产市场党群服务中心", kind: .demonstration, district: east, category: market,
            address: "滨江路88号", since: 2021, organization: "东湖水产市场党委",
            liuyou: LiuyouChecklist(met: Array(repeating: true, count: 6)), source: SourceLocation(path: "sites.yaml"))
        let member = Member(
            id: "m-001", name: "陈秀英", shop: "秀英水产档", district: east, siteID: "site-01", joined: 2008, commitment: "秤准货真",
            source: SourceLocation(path: "members.yaml"))
        let course = Course(
            slug: "course-01", title: "书记轮训第一讲", date: Day(year: 2025, month: 3, day: 1)!, trainer: "王建华", audience: "书记",
            hours: 2, caseSlugs: [], body: body("<p>课程内容。</p>\n"), source: SourceLocation(path: "course-01.md"))
        let page = StandalonePage(
            slug: "about", title: "关于本站", body: body("<p>本站介绍。</p>\n"), source: SourceLocation(path: "about.md"))
        let config = PortalConfig(
            title: "门户", baseURL: "https://example.gov.cn/", districts: [east, west], categories: [shop, market])
        return Portal(config: config, cases: cases, courses: [course], pages: [page], sites: [site], members: [member])
    }
}
