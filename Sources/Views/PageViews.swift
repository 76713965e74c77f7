import Core
import Model
import Mustache

/// Builds the view context of each page from the portal. All URLs a template sees are relative
/// to the page being rendered, so the output works under any base path and from disk.
public struct PageViews: Sendable {
    /// The portal, read only through the readers of `PageViews+Reads.swift`, which note what
    /// each page reads.
    let unrecorded: PortalIndex
    /// The day of the build, passed in: the dashboard measures the pace of each target on it,
    /// and notices past their last day are shown as 已截止 from it on.
    public let today: Day
    public static let casesPerPage = 20
    private var cards: CardCache?
    /// Where the page being made notes what it reads; nil when nothing is noted.
    var log: ReadLog?

    public init(index: PortalIndex, today: Day) {
        self.unrecorded = index
        self.today = today
    }

    /// These views with every case's card made in advance, on all cores, for pages two folders
    /// deep (`cases/x/`, `districts/x/`): each case page shows five cards, and a card differs
    /// between two pages only by how deep they sit, which decides the `../` of its links. Other
    /// depths are made as needed, to keep memory low.
    public func preparingCards(parallelism: Int) async -> PageViews {
        var views = self
        let origin = SitePath(folder: ["cases", "x"])
        let cases = unrecorded.portal.cases
        let cards = await ParallelMap.map(Array(cases.indices), pieces: parallelism) { position in
            SendableContext(card(cases[position], from: origin))
        }
        views.cards = CardCache(depth: origin.depth, byPosition: cards.map(\.context))
        return views
    }

    // MARK: Layout

    /// What every page shares: the portal's name, navigation, assets and breadcrumbs.
    func layout(
        at path: SitePath, title: String, description: String = "", section: SitePath?, breadcrumbs: [(String, SitePath)] = []
    ) -> ViewContext {
        let config = portal.config
        let navigation: [(String, SitePath)] =
            [
                ("首页", Routes.home), ("新闻动态", Routes.news), ("典型案例", Routes.cases), ("示范点", Routes.sites),
                ("党员经营户", Routes.members), ("培训课程", Routes.courses), ("目标进度", Routes.dashboard),
            ]
            + portal.pageLinks.map { ($0.title, Routes.page($0.slug)) }
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
            "searchHref": href(Routes.search, from: path),
            "isSearchPage": path == Routes.search,
            "navigation": navigation.map { item in
                ["title": item.0, "href": href(item.1, from: path), "current": item.1 == section] as ViewContext
            },
            "hasBreadcrumbs": !breadcrumbs.isEmpty,
            "breadcrumbs": breadcrumbs.isEmpty
                ? []
                : ([("首页", Routes.home)] + breadcrumbs.dropLast(breadcrumbs.last?.1 == path ? 1 : 0)).map { item in
                    ["title": item.0, "href": href(item.1, from: path)] as ViewContext
                },
            "footerPages": portal.pageLinks.map {
                ["title": $0.title, "href": href(Routes.page($0.slug), from: path)] as ViewContext
            },
            "footer": footerContext,
        ]
    }

    /// The footer's lines, each only when `portal.yaml` sets it.
    var footerContext: ViewContext {
        let footer = portal.config.footer
        var context: ViewContext = [:]
        context["organizer"] = footer.organizer
        context["undertaker"] = footer.undertaker
        if let phone = footer.phone {
            context["officePhone"] = ["text": phone, "dial": phone.filter { $0.isNumber || $0 == "-" }] as ViewContext
        }
        context["icp"] = footer.icp
        if let record = footer.publicSecurity, let number = footer.publicSecurityNumber {
            context["publicSecurity"] = ["text": record, "number": number] as ViewContext
        }
        context["siteCode"] = footer.siteCode
        context["hasFiling"] = footer.icp != nil || footer.publicSecurity != nil || footer.siteCode != nil
        return context
    }

    func href(_ target: SitePath, from origin: SitePath) -> String {
        let href = target.href(from: origin)
        return href.isEmpty ? "./" : href
    }

    // MARK: Pieces

    func card(_ caseStudy: CaseStudy, from path: SitePath) -> ViewContext {
        noteShown(caseStudy)
        if let cards, path.depth == cards.depth, let position = unrecorded.casePosition[caseStudy.slug],
            position < cards.byPosition.count
        {
            return cards.byPosition[position]
        }
        var card: ViewContext = [
            "title": caseStudy.title,
            "href": href(Routes.caseStudy(caseStudy.slug), from: path),
            "date": caseStudy.date.chinese,
            "dateISO": caseStudy.date.description,
            "summary": caseStudy.summary,
            "district": taxon(caseStudy.district, Routes.district(caseStudy.district), from: path),
            "category": taxon(caseStudy.category, Routes.category(caseStudy.category), from: path),
            "tags": caseStudy.tags.map { tagLink($0, from: path) },
        ]
        if let cover = caseStudy.cover { card["cover"] = picture(cover, from: path) }
        return card
    }

    func taxon(_ taxon: Taxon, _ target: SitePath, from path: SitePath) -> ViewContext {
        ["name": taxon.name, "href": href(target, from: path)]
    }

    func tagLink(_ tag: String, from path: SitePath) -> ViewContext {
        ["name": tag, "href": href(tagPath(tag), from: path)]
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
            "tocNumbersItself": Self.numbersItself(body.tableOfContents),
        ]
    }

    /// Whether the headings number themselves (`一、基本情况`, `（二）`, `1. `, `第三部分`), so that
    /// the table of contents should not number them again.
    static func numbersItself(_ entries: [TableOfContentsEntry]) -> Bool {
        let top = entries.filter { $0.level == (entries.map(\.level).min() ?? 2) }
        return !top.isEmpty && top.allSatisfy { numbersItself($0.title) }
    }

    /// Whether `title` begins `一、` `第三部分` `（二）` `(3)` `1.` or `２、`. Read scalar by scalar: a
    /// regular expression built for each page was 7% of a 10,000-case build.
    static func numbersItself(_ title: String) -> Bool {
        let scalars = Array(title.unicodeScalars.prefix(16))
        func run(from start: Int, of isPart: (Unicode.Scalar) -> Bool) -> Int {
            var end = start
            while end < scalars.count, isPart(scalars[end]) { end += 1 }
            return end
        }
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.numericType == .decimal }
        func isNumeral(_ scalar: Unicode.Scalar) -> Bool { "一二三四五六七八九十".unicodeScalars.contains(scalar) }
        func follows(_ position: Int, oneOf marks: String) -> Bool {
            position < scalars.count && marks.unicodeScalars.contains(scalars[position])
        }
        let chinese = run(from: scalars.first == "第" ? 1 : 0, of: isNumeral)
        if chinese > (scalars.first == "第" ? 1 : 0), follows(chinese, oneOf: "、．.：:部章节单") { return true }
        if follows(0, oneOf: "（(") {
            let end = run(from: 1) { isNumeral($0) || isDigit($0) }
            if end > 1, follows(end, oneOf: "）)") { return true }
        }
        let digits = run(from: 0, of: isDigit)
        return digits > 0 && follows(digits, oneOf: "、.．")
    }

    /// Page `number` of `items`, with the links between pages: the first and the last page and
    /// those near the current one, with a gap for each run of pages left out, so a list of
    /// hundreds of pages does not link every page from every page.
    func pagination(count: Int, number: Int, list: SitePath, from path: SitePath) -> ViewContext {
        let pageCount = max(1, (count + Self.casesPerPage - 1) / Self.casesPerPage)
        var pages: [ViewContext] = []
        var previousShown = 0
        for page in Self.pagesShown(around: number, of: pageCount) {
            if page > previousShown + 1 { pages.append(["gap": true]) }
            pages.append(
                ["number": page, "href": href(Routes.page(page, of: list), from: path), "current": page == number, "gap": false])
            previousShown = page
        }
        var context: ViewContext = ["number": number, "count": pageCount, "isPaginated": pageCount > 1, "pages": pages]
        if number > 1 { context["previous"] = href(Routes.page(number - 1, of: list), from: path) }
        if number < pageCount { context["next"] = href(Routes.page(number + 1, of: list), from: path) }
        return context
    }

    /// How many pages on each side of the current one the pagination links.
    static let paginationWindow = 2

    /// The numbers of the pages the pagination of page `number` links, in order: the first, the
    /// last, and those within `paginationWindow` of `number`; a gap of one page is filled in.
    static func pagesShown(around number: Int, of pageCount: Int) -> [Int] {
        var shown: Set<Int> = [1, pageCount]
        for page in max(1, number - paginationWindow)...min(pageCount, number + paginationWindow) { shown.insert(page) }
        let sorted = shown.sorted()
        var result: [Int] = []
        for page in sorted {
            if let last = result.last, page == last + 2 { result.append(last + 1) }
            result.append(page)
        }
        return result
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

/// Cards made in advance for one depth, by position in `portal.cases`. Read-only once made,
/// and made of strings, numbers and lists only, so tasks may share it.
private final class CardCache: @unchecked Sendable {
    let depth: Int
    let byPosition: [ViewContext]

    init(depth: Int, byPosition: [ViewContext]) {
        self.depth = depth
        self.byPosition = byPosition
    }
}

/// A view context handed from the task that made it to the one that keeps it.
private struct SendableContext: @unchecked Sendable {
    let context: ViewContext
    init(_ context: ViewContext) { self.context = context }
}
