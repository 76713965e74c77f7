import Core
import Model
import Mustache

extension PageViews {
    public func home() -> ViewContext {
        let path = Routes.home
        var context = layout(at: path, title: portal.config.title, section: Routes.home)
        context["latest"] = listed(.all).prefix(10).map { card($0, from: path) }
        context["targets"] = TargetsView(dashboard: Dashboard(index: wholeIndex, today: today)).tiles()
        context["districts"] = portal.config.districts.map { district in
            [
                "name": district.name, "href": href(Routes.district(district), from: path),
                "count": listed(.district(district)).count,
            ] as ViewContext
        }
        context["categories"] = portal.config.categories.map { category in
            [
                "name": category.name, "href": href(Routes.category(category), from: path),
                "count": listed(.category(category)).count,
            ] as ViewContext
        }
        context["courses"] = portal.courses.prefix(3).map { courseLink($0, from: path) }
        context["allCases"] = href(Routes.cases, from: path)
        context["articles"] = articleBlocks(from: path)
        return context
    }

    /// One page of a list of cases: all cases, or those of one district, category, tag or year.
    public func caseList(_ list: CaseListKind, page number: Int) -> ViewContext {
        let (title, listPath, cases, trail) = describe(list)
        let path = Routes.page(number, of: listPath)
        let heading = number > 1 ? "\(title)（第\(number)页）" : title
        var context = layout(
            at: path, title: heading, section: list.section, breadcrumbs: trail + (number > 1 ? [(title, listPath)] : []))
        let start = (number - 1) * Self.casesPerPage
        context["heading"] = title
        context["total"] = cases.count
        context["cases"] = cases.dropFirst(start).prefix(Self.casesPerPage).map { card($0, from: path) }
        context["pagination"] = pagination(count: cases.count, number: number, list: listPath, from: path)
        context["filters"] = caseFilters(list, from: path)
        return context
    }

    public enum CaseListKind: Sendable, Hashable {
        case all
        case district(Taxon)
        case category(Taxon)
        /// The cases of one district in one category.
        case districtCategory(Taxon, Taxon)
        case tag(String)
        case year(Int)

        var section: SitePath {
            switch self {
            case .all, .year: return Routes.cases
            case .district, .districtCategory: return Routes.districts
            case .category: return Routes.categories
            case .tag: return Routes.tags
            }
        }
    }

    public func cases(of list: CaseListKind) -> [CaseStudy] { listed(list) }

    private func describe(_ list: CaseListKind) -> (String, SitePath, [CaseStudy], [(String, SitePath)]) {
        switch list {
        case .all:
            return ("典型案例", Routes.cases, listed(list), [])
        case .district(let district):
            return (
                "\(district.name)典型案例", Routes.districtCases(district), listed(list),
                [("区县专栏", Routes.districts), (district.name, Routes.district(district))]
            )
        case .districtCategory(let district, let category):
            return (
                "\(district.name)\(category.name)典型案例", Routes.districtCases(district, in: category),
                listed(list),
                [
                    ("区县专栏", Routes.districts), (district.name, Routes.district(district)),
                    ("\(district.name)典型案例", Routes.districtCases(district)),
                ]
            )
        case .category(let category):
            return (
                "\(category.name)典型案例", Routes.category(category), listed(list),
                [("按类别浏览", Routes.categories)]
            )
        case .tag(let tag):
            return ("标签：\(tag)", tagPath(tag), listed(list), [("标签", Routes.tags)])
        case .year(let year):
            return ("\(year)年典型案例", Routes.year(year), listed(list), [("按年份浏览", Routes.years)])
        }
    }

    /// The indexes of categories, tags and years; the districts have their own page
    /// (`districtIndex`).
    public enum TaxonomyKind: Sendable, CaseIterable {
        case categories, tags, years
    }

    /// The index of districts, categories, tags or years, each with its number of cases.
    public func taxonomy(_ kind: TaxonomyKind) -> ViewContext {
        let items: [(String, SitePath, Int)]
        let title: String
        let path: SitePath
        switch kind {
        case .categories:
            (title, path) = ("按类别浏览", Routes.categories)
            items = portal.config.categories.map { ($0.name, Routes.category($0), listed(.category($0)).count) }
        case .tags:
            (title, path) = ("标签", Routes.tags)
            items = tags.map { ($0, tagPath($0), listed(.tag($0)).count) }
        case .years:
            (title, path) = ("按年份浏览", Routes.years)
            items = years.map { ("\($0)年", Routes.year($0), listed(.year($0)).count) }
        }
        var context = layout(at: path, title: title, section: path, breadcrumbs: [(title, path)])
        context["items"] = items.map { item in
            ["name": item.0, "href": href(item.1, from: path), "count": item.2, "isEmpty": item.2 == 0] as ViewContext
        }
        context["isTags"] = kind == .tags
        return context
    }

    public func caseStudy(_ caseStudy: CaseStudy) -> ViewContext {
        note(.caseBody(caseStudy.slug))
        let path = Routes.caseStudy(caseStudy.slug)
        var context = layout(
            at: path, title: caseStudy.title, description: caseStudy.summary, section: Routes.cases,
            breadcrumbs: [("典型案例", Routes.cases), (caseStudy.district.name, Routes.district(caseStudy.district))])
        context["statusBanner"] = statusBanner(caseStudy.publication)
        context["case"] = card(caseStudy, from: path).merging([
            "author": caseStudy.author,
            "year": ["name": "\(caseStudy.date.year)年", "href": href(Routes.year(caseStudy.date.year), from: path)]
                as ViewContext,
            "sites": caseStudy.siteIDs.compactMap { site(id: $0) }.map { siteLink($0, from: path) },
            "hasSites": caseStudy.siteIDs.contains { site(id: $0) != nil },
            "hasTags": !caseStudy.tags.isEmpty,
            // A summary taken from the first paragraph is not shown above that paragraph again.
            "hasWrittenSummary": caseStudy.summary != ChineseText.summary(of: caseStudy.body.firstParagraph),
        ]) { _, new in new }
        context["body"] = body(caseStudy.body)
        context["related"] = related(to: caseStudy).map { card($0, from: path) }
        context["courses"] = courses(ofCase: caseStudy.slug).map { courseLink($0, from: path) }
        context["hasCourses"] = !courses(ofCase: caseStudy.slug).isEmpty
        let (newer, older) = neighbours(of: caseStudy.slug)
        if let newer {
            context["newer"] = ["title": newer.title, "href": href(Routes.caseStudy(newer.slug), from: path)] as ViewContext
        }
        if let older {
            context["older"] = ["title": older.title, "href": href(Routes.caseStudy(older.slug), from: path)] as ViewContext
        }
        return context
    }

    /// The sites, or those of one district or category (`sites/`, `districts/x/sites/`,
    /// `categories/x/sites/`), with the links that narrow the list.
    public func siteDirectory(_ filter: ListFilter = .all) -> ViewContext {
        let path = Self.sitesPath(filter)
        let title = "示范点与联系点"
        let (heading, trail) = Self.narrowed(title, filter, list: Routes.sites)
        var context = layout(at: path, title: heading, section: Routes.sites, breadcrumbs: trail + [(heading, path)])
        context["filters"] = listFilters(
            filter, all: Routes.sites, from: path, label: "筛选站点", district: Routes.districtSites,
            category: Routes.categorySites)
        context["filtersInPlace"] = filter == .all
        context["groups"] = Site.Kind.allCases.map { kind in
            let sites = portal.sites.filter { $0.kind == kind && filter.admits(district: $0.district, category: $0.category) }
            return [
                "kind": kind.rawValue, "count": sites.count, "isEmpty": sites.isEmpty,
                "sites": sites.map { siteRow($0, from: path) },
            ] as ViewContext
        }
        return context
    }

    /// A site in a table of sites: its district, category, year and 六有.
    func siteRow(_ site: Site, from path: SitePath) -> ViewContext {
        let missing = zip(LiuyouChecklist.items, site.liuyou.met).filter { !$1 }.map { "有\($0.0)" }
        return siteLink(site, from: path).merging([
            "district": taxon(site.district, Routes.district(site.district), from: path),
            "districtSlug": site.district.slug, "categorySlug": site.category.slug,
            "category": site.category.name, "address": site.address, "since": site.since,
            "liuyouPercent": site.liuyou.percent, "liuyouMet": site.liuyou.metCount,
            "liuyouComplete": site.liuyou.isComplete, "liuyouMissing": missing.joined(separator: "、"),
        ]) { _, new in new }
    }

    public static func sitesPath(_ filter: ListFilter) -> SitePath {
        switch filter {
        case .all: return Routes.sites
        case .district(let district): return Routes.districtSites(district)
        case .category(let category): return Routes.categorySites(category)
        }
    }

    public static func membersPath(_ filter: ListFilter) -> SitePath {
        switch filter {
        case .all: return Routes.members
        case .district(let district): return Routes.districtMembers(district)
        case .category(let category): return Routes.categoryMembers(category)
        }
    }

    /// The heading of a narrowed list, `东湖区示范点与联系点`, and the breadcrumbs above it.
    static func narrowed(_ title: String, _ filter: ListFilter, list: SitePath) -> (String, [(String, SitePath)]) {
        switch filter {
        case .all: return (title, [])
        case .district(let district): return (district.name + title, [(title, list)])
        case .category(let category): return ("\(category.name)：\(title)", [(title, list)])
        }
    }

    public func site(_ site: Site) -> ViewContext {
        note(.collection(.sites))
        let path = Routes.site(site.id)
        var context = layout(at: path, title: site.name, section: Routes.sites, breadcrumbs: [("示范点与联系点", Routes.sites)])
        context["site"] = siteLink(site, from: path).merging([
            "district": taxon(site.district, Routes.district(site.district), from: path),
            "category": taxon(site.category, Routes.category(site.category), from: path),
            "address": site.address, "since": site.since, "organization": site.organization,
        ]) { _, new in new }
        context["liuyou"] =
            [
                "items": zip(LiuyouChecklist.items, site.liuyou.met).map { ["name": "有\($0)", "met": $1] as ViewContext },
                "metCount": site.liuyou.metCount, "total": LiuyouChecklist.items.count, "percent": site.liuyou.percent,
                "complete": site.liuyou.isComplete,
            ] as ViewContext
        context["members"] = members(ofSite: site.id).map { memberView($0, from: path) }
        context["plateHref"] = href(Routes.sitePlate(site.id), from: path)
        context["hasMembers"] = !members(ofSite: site.id).isEmpty
        context["cases"] = cases(ofSite: site.id).map { card($0, from: path) }
        context["courses"] = courses(ofSite: site.id).map { courseLink($0, from: path) }
        context["hasCourses"] = !courses(ofSite: site.id).isEmpty
        context["isLiaisonPoint"] = site.kind == .liaison
        if site.kind == .liaison {
            let point = portal.liaison.first { $0.siteID == site.id }
            context["liaison"] = liaisonRow(LiaisonDuties(site: site, point: point, year: today.year), from: path)
                .merging(["href": href(Routes.liaison, from: path), "year": today.year]) { _, new in new }
        }
        return context
    }

    /// The members, or those of one district or of the sites of one category, grouped by
    /// their site, with the links that narrow the list.
    public func members(_ filter: ListFilter = .all) -> ViewContext {
        let path = Self.membersPath(filter)
        let title = "共产党员经营户"
        let (heading, trail) = Self.narrowed(title, filter, list: Routes.members)
        var context = layout(at: path, title: heading, section: Routes.members, breadcrumbs: trail + [(heading, path)])
        context["filters"] = listFilters(
            filter, all: Routes.members, from: path, label: "筛选经营户", district: Routes.districtMembers,
            category: Routes.categoryMembers)
        context["filtersInPlace"] = filter == .all
        var total = 0
        context["groups"] = portal.sites.compactMap { site -> ViewContext? in
            let shown = members(ofSite: site.id).filter {
                filter.admits(district: $0.district, category: site.category)
            }
            guard !shown.isEmpty else { return nil }
            total += shown.count
            return [
                "site": siteLink(site, from: path),
                "members": shown.map {
                    memberView($0, from: path).merging([
                        "districtSlug": $0.district.slug, "categorySlug": site.category.slug,
                    ]) { _, new in new
                    }
                },
            ] as ViewContext
        }
        context["total"] = total
        return context
    }

    /// Public fields only: `Member` has no others.
    func memberView(_ member: Member, from path: SitePath) -> ViewContext {
        [
            "name": member.name, "shop": member.shop, "district": member.district.name, "joined": member.joined,
            "commitment": member.commitment, "href": href(Routes.member(member.id), from: path),
        ]
    }

    public func courseIndex() -> ViewContext {
        let path = Routes.courses
        var context = layout(at: path, title: "培训课程", section: Routes.courses, breadcrumbs: [("培训课程", path)])
        context["courses"] = portal.courses.map { course in
            courseLink(course, from: path).merging([
                "audience": course.audience, "hours": Course.hours(course.hours), "caseCount": course.caseSlugs.count,
            ]) { _, new in new }
        }
        return context
    }

    public func course(_ course: Course) -> ViewContext {
        note(.collection(.courses))
        let path = Routes.course(course.slug)
        var context = layout(at: path, title: course.title, section: Routes.courses, breadcrumbs: [("培训课程", Routes.courses)])
        context["course"] = courseLink(course, from: path).merging([
            "audience": course.audience, "hours": Course.hours(course.hours), "dateISO": course.date.description,
        ]) { _, new in new }
        context["statusBanner"] = statusBanner(course.publication)
        context["body"] = body(course.body)
        context["cases"] = course.caseSlugs.compactMap { someCase($0) }.map { card($0, from: path) }
        context["objectives"] = course.objectives.map { ["text": $0] as ViewContext }
        context["hasObjectives"] = !course.objectives.isEmpty
        context["lessons"] = course.lessons.enumerated().map { number, lesson in
            let cases = lesson.caseSlugs.compactMap { someCase($0) }
            let sites = lesson.siteIDs.compactMap { site(id: $0) }
            return [
                "number": number + 1, "title": lesson.title, "hours": Course.hours(lesson.hours),
                "cases": cases.map { ["title": $0.title, "href": href(Routes.caseStudy($0.slug), from: path)] as ViewContext },
                "hasCases": !cases.isEmpty, "sites": sites.map { siteLink($0, from: path) }, "hasSites": !sites.isEmpty,
            ] as ViewContext
        }
        context["hasLessons"] = !course.lessons.isEmpty
        let sessions = portal.training.filter { $0.course == course.slug }
        context["sessions"] = sessions.map { session in
            [
                "date": session.date.chinese, "dateISO": session.date.description, "district": session.district.name,
                "trainees": session.trainees, "orgHeads": session.orgHeads,
            ] as ViewContext
        }
        context["hasSessions"] = !sessions.isEmpty
        return context
    }

    public func page(_ page: StandalonePage) -> ViewContext {
        note(.collection(.pages))
        let path = Routes.page(page.slug)
        var context = layout(at: path, title: page.title, section: path, breadcrumbs: [(page.title, path)])
        context["statusBanner"] = statusBanner(page.publication)
        context["body"] = body(page.body)
        return context
    }

    /// The 404 page is served at any depth, so its links start from the site root: it uses
    /// the portal's base URL path rather than relative links.
    public func notFound() -> ViewContext {
        var context = layout(at: Routes.home, title: "页面未找到", section: nil)
        // Served at any address that has no page: it has no address of its own to give search
        // engines, and they should not keep it.
        context["documentTitle"] = "页面未找到 - \(portal.config.title)"
        context["canonical"] = nil
        context["noindex"] = true
        let base = Self.basePath(of: portal.config.baseURL)
        context["stylesheet"] = base + "assets/portal.css"
        context["script"] = base + "assets/portal.js"
        context["homeHref"] = base
        context["navigation"] = (context["navigation"] as? [ViewContext] ?? []).map { item in
            var item = item
            item["href"] = base + ((item["href"] as? String).map { $0 == "./" ? "" : $0 } ?? "")
            item["current"] = false
            return item
        }
        context["footerPages"] = (context["footerPages"] as? [ViewContext] ?? []).map { item in
            var item = item
            item["href"] = base + (item["href"] as? String ?? "")
            return item
        }
        context["feed"] = base + "feed.xml"
        context["searchHref"] = base + Routes.search.urlPath
        return context
    }

    /// `/xgz/` of `https://example.gov.cn/xgz/`.
    static func basePath(of baseURL: String) -> String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }
}
