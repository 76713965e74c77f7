import Core
import Model

/// The documents of the search index, numbered: cases by slug, then sites by id, courses by
/// slug, standalone pages by slug, and news, notices and policy documents by slug. A document keeps its number when its text, title, date
/// or anything else but its slug changes, so an edit of one case changes only its postings
/// and its own document shard.
public struct SearchCorpus: Sendable {
    public let portal: Portal
    /// Positions in the portal's lists, in the order of the documents.
    private let cases: [Int]
    private let sites: [Int]
    private let courses: [Int]
    private let pages: [Int]
    /// News reports, notices and policy documents, in that order.
    private let articles: [(kind: ArticleKind, position: Int)]
    private let siteNames: [String: String]
    private let membersBySite: [String: [Member]]
    private let districtPositions: [String: Int]
    private let categoryPositions: [String: Int]

    public init(_ portal: Portal) {
        self.portal = portal
        cases = portal.cases.indices.sorted { portal.cases[$0].slug < portal.cases[$1].slug }
        sites = portal.sites.indices.sorted { portal.sites[$0].id < portal.sites[$1].id }
        courses = portal.courses.indices.sorted { portal.courses[$0].slug < portal.courses[$1].slug }
        pages = portal.pages.indices.sorted { portal.pages[$0].slug < portal.pages[$1].slug }
        articles =
            portal.news.indices.sorted { portal.news[$0].slug < portal.news[$1].slug }.map { (.news, $0) }
            + portal.notices.indices.sorted { portal.notices[$0].slug < portal.notices[$1].slug }.map { (.notice, $0) }
            + portal.policies.indices.sorted { portal.policies[$0].slug < portal.policies[$1].slug }.map { (.policy, $0) }
        siteNames = Dictionary(portal.sites.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        membersBySite = Dictionary(grouping: portal.members, by: \.siteID)
        districtPositions = Dictionary(
            portal.config.districts.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
        categoryPositions = Dictionary(
            portal.config.categories.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public var count: Int { cases.count + sites.count + courses.count + pages.count + articles.count }

    /// Where the documents of news, notices and policies begin.
    private var articleStart: Int { cases.count + sites.count + courses.count + pages.count }
    /// Cases come first: a case's document number is below this.
    public var caseCount: Int { cases.count }

    /// The number of the case `slug`'s document.
    public func documentNumber(ofCase slug: String) -> Int? {
        var low = 0
        var high = cases.count
        while low < high {
            let middle = (low + high) / 2
            if portal.cases[cases[middle]].slug < slug { low = middle + 1 } else { high = middle }
        }
        return low < cases.count && portal.cases[cases[low]].slug == slug ? low : nil
    }

    public func kind(of number: Int) -> SearchDocument.Kind {
        if number < cases.count { return .caseStudy }
        if number < cases.count + sites.count {
            return portal.sites[sites[number - cases.count]].kind == .demonstration ? .demonstrationSite : .liaisonPoint
        }
        if number >= articleStart { return Self.kind(of: articles[number - articleStart].kind) }
        return number < cases.count + sites.count + courses.count ? .course : .page
    }

    private static func kind(of article: ArticleKind) -> SearchDocument.Kind {
        switch article {
        case .news: return .news
        case .notice: return .notice
        case .policy: return .policy
        }
    }

    /// What the search page filters and ranks by: kind, district, category and date.
    public func facets(of number: Int) -> (kind: SearchDocument.Kind, district: Int?, category: Int?, day: Day?) {
        var offset = number
        if offset < cases.count {
            let caseStudy = portal.cases[cases[offset]]
            return (
                .caseStudy, districtPositions[caseStudy.district.slug], categoryPositions[caseStudy.category.slug],
                caseStudy.date
            )
        }
        offset -= cases.count
        if offset < sites.count {
            let site = portal.sites[sites[offset]]
            return (kind(of: number), districtPositions[site.district.slug], categoryPositions[site.category.slug], nil)
        }
        offset -= sites.count
        if offset < courses.count { return (.course, nil, nil, portal.courses[courses[offset]].date) }
        offset -= courses.count
        if offset < pages.count { return (.page, nil, nil, nil) }
        let article = articles[offset - pages.count]
        switch article.kind {
        case .news:
            let item = portal.news[article.position]
            return (.news, item.district.flatMap { districtPositions[$0.slug] }, nil, item.date)
        case .notice: return (.notice, nil, nil, portal.notices[article.position].date)
        case .policy: return (.policy, nil, nil, portal.policies[article.position].date)
        }
    }

    public func document(_ number: Int) -> SearchDocument {
        var offset = number
        if offset < cases.count { return document(of: portal.cases[cases[offset]]) }
        offset -= cases.count
        if offset < sites.count { return document(of: portal.sites[sites[offset]]) }
        offset -= sites.count
        if offset < courses.count { return document(of: portal.courses[courses[offset]]) }
        offset -= courses.count
        if offset < pages.count { return document(of: portal.pages[pages[offset]]) }
        let article = articles[offset - pages.count]
        switch article.kind {
        case .news: return document(of: portal.news[article.position])
        case .notice: return document(of: portal.notices[article.position])
        case .policy: return document(of: portal.policies[article.position])
        }
    }

    private func document(of item: NewsItem) -> SearchDocument {
        var document = SearchDocument(kind: .news, path: ArticleKind.news.item(item.slug), title: item.title)
        document.day = item.date
        if let district = item.district {
            document.district = districtPositions[district.slug]
            document.taxa = [district.name]
        }
        document.summary = item.summary
        document.bodyHTML = item.body.html
        return document
    }

    private func document(of notice: Notice) -> SearchDocument {
        var document = SearchDocument(kind: .notice, path: ArticleKind.notice.item(notice.slug), title: notice.title)
        document.day = notice.date
        document.summary = notice.summary
        document.bodyHTML = notice.body.html
        return document
    }

    private func document(of policy: PolicyDocument) -> SearchDocument {
        var document = SearchDocument(kind: .policy, path: ArticleKind.policy.item(policy.slug), title: policy.title)
        document.day = policy.date
        document.names = [policy.number, policy.issuer]
        document.namesText = "文号：\(policy.number)；发文机关：\(policy.issuer)"
        document.summary = policy.summary
        document.bodyHTML = policy.body.html
        return document
    }

    private func document(of caseStudy: CaseStudy) -> SearchDocument {
        var document = SearchDocument(kind: .caseStudy, path: Routes.caseStudy(caseStudy.slug), title: caseStudy.title)
        document.day = caseStudy.date
        document.district = districtPositions[caseStudy.district.slug]
        document.category = categoryPositions[caseStudy.category.slug]
        document.taxa = [caseStudy.district.name, caseStudy.category.name]
        document.tags = caseStudy.tags
        document.names = caseStudy.siteIDs.compactMap { siteNames[$0] }
        if !document.names.isEmpty { document.namesText = "示范点、联系点：" + document.names.joined(separator: "、") }
        document.summary = caseStudy.summary
        document.bodyHTML = caseStudy.body.html
        return document
    }

    private func document(of site: Site) -> SearchDocument {
        let kind: SearchDocument.Kind = site.kind == .demonstration ? .demonstrationSite : .liaisonPoint
        var document = SearchDocument(kind: kind, path: Routes.site(site.id), title: site.name)
        document.district = districtPositions[site.district.slug]
        document.category = categoryPositions[site.category.slug]
        document.taxa = [site.district.name, site.category.name]
        let members = membersBySite[site.id] ?? []
        document.names = members.flatMap { [$0.name, $0.shop] }
        if !members.isEmpty {
            document.namesText = "党员经营户：" + members.map { "\($0.name)（\($0.shop)）" }.joined(separator: "、")
        }
        document.summary = [site.address, site.organization].filter { !$0.isEmpty }.joined(separator: " · ")
        return document
    }

    private func document(of course: Course) -> SearchDocument {
        var document = SearchDocument(kind: .course, path: Routes.course(course.slug), title: course.title)
        document.day = course.date
        document.names = [course.trainer]
        document.namesText = "主讲：\(course.trainer)"
        document.summary = "对象：\(course.audience)"
        document.bodyHTML = course.body.html
        return document
    }

    private func document(of page: StandalonePage) -> SearchDocument {
        var document = SearchDocument(kind: .page, path: Routes.page(page.slug), title: page.title)
        document.bodyHTML = page.body.html
        return document
    }
}
