import Core
import Model
import Mustache
import Views

/// One page the build renders: which view and which template, and where it goes.
enum PageSpec: Sendable {
    case home
    case caseList(PageViews.CaseListKind, page: Int)
    case taxonomy(PageViews.TaxonomyKind)
    case caseStudy(CaseStudy)
    case siteDirectory(ListFilter)
    case site(Site)
    case members(ListFilter)
    /// A party-member shop's own page, and the print pages of the plates.
    case member(Member)
    case memberPlate(Member)
    case sitePlate(Site)
    /// A case as a 公众号 article, for staff only (no page links to it).
    case wechat(CaseStudy)
    /// The districts side by side (区县专栏), and each district's column.
    case districtIndex
    case district(Taxon)
    case courseIndex
    case course(Course)
    case page(StandalonePage)
    case notFound
    /// The publishing register for staff; its CSV twin is written beside it.
    case register
    /// The targets dashboard; each of its tables is written beside it as a spreadsheet.
    case dashboard
    /// Each liaison point's duties this year.
    case liaison
    /// The districts' assessment scorecards, year by year.
    case assessment
    /// Organisation and work coverage (两个覆盖).
    case coverage
    /// The search page; its index is written beside it (`SearchIndexLayout`).
    case search
    /// One page of the list of news reports, notices or policy documents.
    case articleList(ArticleKind, page: Int)
    case newsItem(NewsItem)
    case notice(Notice)
    case policy(PolicyDocument)

    var path: SitePath {
        switch self {
        case .home: return Routes.home
        case .caseList(let kind, let page):
            let list: SitePath
            switch kind {
            case .all: list = Routes.cases
            case .district(let district): list = Routes.districtCases(district)
            case .category(let category): list = Routes.category(category)
            case .districtCategory(let district, let category): list = Routes.districtCases(district, in: category)
            case .tag(let tag): list = Routes.tag(tag)
            case .year(let year): list = Routes.year(year)
            }
            return Routes.page(page, of: list)
        case .taxonomy(let kind):
            switch kind {
            case .categories: return Routes.categories
            case .tags: return Routes.tags
            case .years: return Routes.years
            }
        case .caseStudy(let caseStudy): return Routes.caseStudy(caseStudy.slug)
        case .siteDirectory(let filter): return PageViews.sitesPath(filter)
        case .site(let site): return Routes.site(site.id)
        case .members(let filter): return PageViews.membersPath(filter)
        case .member(let member): return Routes.member(member.id)
        case .memberPlate(let member): return Routes.memberPlate(member.id)
        case .sitePlate(let site): return Routes.sitePlate(site.id)
        case .wechat(let caseStudy): return Routes.wechatArticle(caseStudy.slug)
        case .districtIndex: return Routes.districts
        case .district(let district): return Routes.district(district)
        case .courseIndex: return Routes.courses
        case .course(let course): return Routes.course(course.slug)
        case .page(let page): return Routes.page(page.slug)
        case .notFound: return Routes.notFound
        case .register: return Routes.register
        case .dashboard: return Routes.dashboard
        case .liaison: return Routes.liaison
        case .assessment: return Routes.assessment
        case .coverage: return Routes.coverage
        case .search: return Routes.search
        case .articleList(let kind, let page): return Routes.page(page, of: kind.list)
        case .newsItem(let item): return ArticleKind.news.item(item.slug)
        case .notice(let notice): return ArticleKind.notice.item(notice.slug)
        case .policy(let policy): return ArticleKind.policy.item(policy.slug)
        }
    }

    var template: String {
        switch self {
        case .home: return "home"
        case .caseList: return "case-list"
        case .taxonomy: return "taxonomy"
        case .caseStudy: return "case"
        case .siteDirectory: return "sites"
        case .site: return "site"
        case .members: return "members"
        case .member: return "member"
        case .memberPlate, .sitePlate: return "plate"
        case .wechat: return "wechat"
        case .districtIndex: return "districts"
        case .district: return "district"
        case .courseIndex: return "courses"
        case .course: return "course"
        case .page: return "page"
        case .notFound: return "404"
        case .register: return "register"
        case .dashboard: return "dashboard"
        case .liaison: return "liaison"
        case .assessment: return "assessment"
        case .coverage: return "coverage"
        case .search: return "search"
        case .articleList: return "article-list"
        case .newsItem: return "news-item"
        case .notice: return "notice"
        case .policy: return "policy"
        }
    }

    /// The case whose page this is (its own, or its 公众号 article), if any.
    var caseSlug: String? {
        switch self {
        case .caseStudy(let caseStudy), .wechat(let caseStudy): return caseStudy.slug
        default: return nil
        }
    }

    func context(_ views: PageViews) -> ViewContext {
        switch self {
        case .home: return views.home()
        case .caseList(let kind, let page): return views.caseList(kind, page: page)
        case .taxonomy(let kind): return views.taxonomy(kind)
        case .caseStudy(let caseStudy): return views.caseStudy(caseStudy)
        case .siteDirectory(let filter): return views.siteDirectory(filter)
        case .site(let site): return views.site(site)
        case .members(let filter): return views.members(filter)
        case .member(let member): return views.member(member)
        case .memberPlate(let member): return views.memberPlate(member)
        case .sitePlate(let site): return views.sitePlate(site)
        case .wechat(let caseStudy): return views.wechatArticle(caseStudy)
        case .districtIndex: return views.districtIndex()
        case .district(let district): return views.districtColumn(district)
        case .courseIndex: return views.courseIndex()
        case .course(let course): return views.course(course)
        case .page(let page): return views.page(page)
        case .notFound: return views.notFound()
        case .register: return views.register()
        case .dashboard: return views.dashboard()
        case .liaison: return views.liaison()
        case .assessment: return views.assessment()
        case .coverage: return views.coverage()
        case .search: return views.search()
        case .articleList(let kind, let page): return views.articleList(kind, page: page)
        case .newsItem(let item): return views.newsItem(item)
        case .notice(let notice): return views.notice(notice)
        case .policy(let policy): return views.policy(policy)
        }
    }

    /// Every page of the portal, in a fixed order.
    static func all(for index: PortalIndex, views: PageViews) -> [PageSpec] {
        let portal = index.portal
        var specs: [PageSpec] = [
            .home, .courseIndex, .notFound, .register, .dashboard, .liaison, .coverage, .search, .districtIndex,
        ]
        if portal.assessment != nil { specs.append(.assessment) }
        let filters = ListFilter.all(of: portal.config)
        specs += filters.map { .siteDirectory($0) }
        specs += filters.map { .members($0) }
        specs += PageViews.TaxonomyKind.allCases.map { .taxonomy($0) }
        specs += portal.config.districts.map { .district($0) }
        var lists: [PageViews.CaseListKind] = [.all]
        lists += portal.config.districts.map { .district($0) }
        lists += portal.config.categories.map { .category($0) }
        lists += portal.config.districts.flatMap { district in
            portal.config.categories.map { .districtCategory(district, $0) }
        }
        lists += index.tags.map { .tag($0) }
        lists += index.years.map { .year($0) }
        for list in lists {
            let count = views.cases(of: list).count
            for page in 1...PageViews.pageCount(of: count) { specs.append(.caseList(list, page: page)) }
        }
        specs += portal.cases.map { .caseStudy($0) }
        specs += portal.sites.map { .site($0) }
        specs += portal.members.map { .member($0) }
        specs += portal.members.map { .memberPlate($0) }
        specs += portal.sites.map { .sitePlate($0) }
        specs += portal.cases.map { .wechat($0) }
        specs += portal.courses.map { .course($0) }
        specs += portal.pages.map { .page($0) }
        for kind in ArticleKind.allCases {
            for page in 1...PageViews.pageCount(of: views.articleCount(of: kind)) { specs.append(.articleList(kind, page: page)) }
        }
        specs += portal.news.map { .newsItem($0) }
        specs += portal.notices.map { .notice($0) }
        specs += portal.policies.map { .policy($0) }
        return specs
    }
}
