import Core
import Model
import Testing

@Suite struct PortalIndexTests {
    static let donghu = Taxon(name: "东湖区", slug: "donghu")
    static let xijin = Taxon(name: "西津区", slug: "xijin")
    static let market = Taxon(name: "专业市场", slug: "shichang")
    static let shop = Taxon(name: "个体工商户", slug: "getihu")
    static let body = RenderedBody(html: "", tableOfContents: [], firstParagraph: "", readableCharacters: 0)

    static func caseStudy(
        _ slug: String, _ date: String, _ district: Taxon, _ category: Taxon, tags: [String], sites: [String] = []
    ) -> CaseStudy {
        CaseStudy(
            slug: slug, title: slug, date: Day(parsing: date)!, district: district, category: category, tags: tags,
            siteIDs: sites, author: "", summary: "", body: body, source: SourceLocation(path: "\(slug).md"))
    }

    static let portal: Portal = {
        let cases = [
            caseStudy("a", "2025-03-01", donghu, market, tags: ["六有", "三亮"], sites: ["s1"]),
            caseStudy("b", "2024-05-01", donghu, market, tags: ["六有"]),
            caseStudy("c", "2024-04-01", xijin, shop, tags: ["六有", "三亮"]),
            caseStudy("d", "2023-01-01", xijin, market, tags: ["诚信经营"], sites: ["s1"]),
        ]
        let course = Course(
            slug: "k", title: "k", date: Day(parsing: "2025-06-01")!, trainer: "", audience: "", hours: 2,
            caseSlugs: ["a", "c"], body: body, source: SourceLocation(path: "k.md"))
        let site = Site(
            id: "s1", name: "s1", kind: .demonstration, district: donghu, category: market, address: "", since: 2020,
            organization: "", liuyou: LiuyouChecklist(met: [true, true, true, true, true, false]),
            source: SourceLocation(path: "sites.yaml"))
        let config = PortalConfig(
            title: "t", baseURL: "https://example.gov.cn/", districts: [donghu, xijin], categories: [market, shop])
        return Portal(config: config, cases: cases, courses: [course], pages: [], sites: [site], members: [])
    }()

    @Test func groupsCasesByDistrictCategoryTagAndYearNewestFirst() {
        let index = PortalIndex(Self.portal)
        #expect(index.casesByDistrict["donghu"]?.map(\.slug) == ["a", "b"])
        #expect(index.casesByCategory["shichang"]?.map(\.slug) == ["a", "b", "d"])
        #expect(index.casesByTag["六有"]?.map(\.slug) == ["a", "b", "c"])
        #expect(index.tags == ["六有", "三亮", "诚信经营"], "by number of cases, then by name")
        #expect(index.years == [2025, 2024, 2023])
        #expect(index.casesBySite["s1"]?.map(\.slug) == ["a", "d"])
    }

    @Test func knowsWhichCoursesUseACaseAndVisitASite() {
        let index = PortalIndex(Self.portal)
        #expect(index.coursesByCase["a"]?.map(\.slug) == ["k"])
        #expect(index.coursesByCase["b"] == nil)
        #expect(index.coursesBySite["s1"]?.map(\.slug) == ["k"])
    }

    @Test func ranksRelatedCasesBySharedTagsDistrictAndCategory() {
        let index = PortalIndex(Self.portal)
        let a = Self.portal.cases[0]
        // b: 六有 (2) + district (1) + category (1) = 4; c: 六有 + 三亮 (4); d: category only, not related.
        #expect(index.related(to: a).map(\.slug) == ["b", "c"])
    }

    @Test func measuresLiuyouCompletion() {
        let checklist = LiuyouChecklist(met: [true, true, true, true, true, false])
        #expect(checklist.metCount == 5)
        #expect(checklist.percent == 83)
        #expect(!checklist.isComplete)
    }

    @Test func placesEveryKindOfPage() {
        #expect(Routes.caseStudy("a").filePath == "cases/a/index.html")
        #expect(Routes.page(1, of: Routes.cases).filePath == "cases/index.html")
        #expect(Routes.page(3, of: Routes.district(Self.donghu)).filePath == "districts/donghu/page/3/index.html")
        #expect(Routes.tag("“六有” 阵地").filePath == "tags/六有-阵地/index.html")
        #expect(Routes.year(2025).description == "/years/2025/")
    }
}
