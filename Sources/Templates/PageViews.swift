import Core
import Model

/// Builds the view context of each page from the portal. All URLs a template sees are relative
/// to the page being rendered, so the output works under any base path and from disk.
public struct PageViews: Sendable {
    public let index: PortalIndex
    public static let casesPerPage = 20

    public init(index: PortalIndex) {
        self.index = index
    }

    var portal: Portal { index.portal }

    // MARK: Layout

    /// What every page shares: the portal's name, navigation, assets and breadcrumbs.
    func layout(
        at path: SitePath, title: String, description: String = "", section: SitePath?, breadcrumbs: [(String, SitePath)] = []
    ) -> ViewContext {
        let config = portal.config
        let navigation: [(String, SitePath)] =
            [
                ("首页", Routes.home), ("典型案例", Routes.cases), ("示范点", Routes.sites), ("党员经营户", Routes.members),
                ("培训课程", Routes.courses),
            ]
            + portal.pages.map { ($0.title, Routes.page($0.slug)) }
        let isHome = path == Routes.home
        return [
            "portal": ["title": config.title, "description": config.description, "publisher": config.publisher] as ViewContext,
            "title": title,
            "documentTitle": isHome ? config.title : "\(title) - \(config.title)",
            "description": description.isEmpty ? config.description : description,
            "canonical": config.baseURL + path.urlPath,
            "isHome": isHome,
            "stylesheet": Routes.assets.appending("portal.css").fileHref(from: path),
            "script": Routes.assets.appending("portal.js").fileHref(from: path),
            "feed": Routes.feed.href(from: path),
            "homeHref": href(Routes.home, from: path),
            "navigation": navigation.map { item in
                ["title": item.0, "href": href(item.1, from: path), "current": item.1 == section] as ViewContext
            },
            "hasBreadcrumbs": !breadcrumbs.isEmpty,
            "breadcrumbs": breadcrumbs.isEmpty
                ? []
                : ([("首页", Routes.home)] + breadcrumbs.dropLast(breadcrumbs.last?.1 == path ? 1 : 0)).map { item in
                    ["title": item.0, "href": href(item.1, from: path)] as ViewContext
                },
            "footerPages": portal.pages.map {
                ["title": $0.title, "href": href(Routes.page($0.slug), from: path)] as ViewContext
            },
        ]
    }

    func href(_ target: SitePath, from origin: SitePath) -> String {
        let href = target.href(from: origin)
        return href.isEmpty ? "./" : href
    }

    // MARK: Pieces

    func card(_ caseStudy: CaseStudy, from path: SitePath) -> ViewContext {
        [
            "title": caseStudy.title,
            "href": href(Routes.caseStudy(caseStudy.slug), from: path),
            "date": caseStudy.date.chinese,
            "dateISO": caseStudy.date.description,
            "summary": caseStudy.summary,
            "district": taxon(caseStudy.district, Routes.district(caseStudy.district), from: path),
            "category": taxon(caseStudy.category, Routes.category(caseStudy.category), from: path),
            "tags": caseStudy.tags.map { tagLink($0, from: path) },
        ]
    }

    func taxon(_ taxon: Taxon, _ target: SitePath, from path: SitePath) -> ViewContext {
        ["name": taxon.name, "href": href(target, from: path)]
    }

    func tagLink(_ tag: String, from path: SitePath) -> ViewContext {
        ["name": tag, "href": href(Routes.tag(tag), from: path)]
    }

    func siteLink(_ site: Site, from path: SitePath) -> ViewContext {
        [
            "name": site.name, "href": href(Routes.site(site.id), from: path), "kind": site.kind.rawValue,
            "isDemonstration": site.kind == .demonstration,
        ]
    }

    func courseLink(_ course: Course, from path: SitePath) -> ViewContext {
        [
            "title": course.title, "href": href(Routes.course(course.slug), from: path), "date": course.date.chinese,
            "trainer": course.trainer,
        ]
    }

    func body(_ body: RenderedBody) -> ViewContext {
        [
            "html": SafeHTML(body.html),
            "readingMinutes": body.readingMinutes,
            "characters": body.readableCharacters,
            "toc": body.tableOfContents.map {
                ["title": $0.title, "anchor": "#" + $0.anchor, "isSub": $0.level > 2] as ViewContext
            },
            "hasToc": body.tableOfContents.count >= 2,
        ]
    }

    /// Page `number` of `items`, with the links between pages.
    func pagination(count: Int, number: Int, list: SitePath, from path: SitePath) -> ViewContext {
        let pageCount = max(1, (count + Self.casesPerPage - 1) / Self.casesPerPage)
        var context: ViewContext = [
            "number": number, "count": pageCount, "isPaginated": pageCount > 1,
            "pages": (1...pageCount).map { page in
                ["number": page, "href": href(Routes.page(page, of: list), from: path), "current": page == number] as ViewContext
            },
        ]
        if number > 1 { context["previous"] = href(Routes.page(number - 1, of: list), from: path) }
        if number < pageCount { context["next"] = href(Routes.page(number + 1, of: list), from: path) }
        return context
    }

    public static func pageCount(of count: Int) -> Int {
        max(1, (count + casesPerPage - 1) / casesPerPage)
    }
}

extension SitePath {
    /// The href of a file such as a stylesheet (`../assets/portal.css`).
    func fileHref(from origin: SitePath) -> String {
        SitePath(file: segments).href(from: origin)
    }
}
