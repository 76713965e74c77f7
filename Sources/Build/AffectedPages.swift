import Core
import Model
import Views

/// The pages a quick rebuild renders again after some case files or templates changed: what
/// the pages of the portal show of a case, traced from the portal before and after the change.
///
/// - A changed template shows on every page rendered with a template that uses it.
/// - A case whose body alone changed shows on its own page only.
/// - A case whose front matter changed also shows, as a card or a link, on:
///   - the pages of its lists (all cases, its district, category, tags and year, before and
///     after): the pages between its old and its new place, or every page of a list it joined
///     or left, whose count and pagination change;
///   - the home page, the four indexes of districts, categories, tags and years, the register,
///     the dashboard and the search page (whose filters list the years);
///   - the columns of its districts, before and after, which show their newest cases and
///     count them;
///   - the pages of the cases just newer and older than it, before and after;
///   - the pages of cases whose related cases change: only cases sharing a tag or the
///     district with it can, as related cases are drawn from those;
///   - the pages of its sites, and of the courses that use it.
struct AffectedPages {
    private(set) var caseSlugs: Set<String> = []
    private(set) var listPages: Set<String> = []
    private(set) var siteIDs: Set<String> = []
    private(set) var districtSlugs: Set<String> = []
    private(set) var courseSlugs: Set<String> = []
    /// Whether the pages that show every case (home, indexes, register) are affected.
    private(set) var showsEveryCase = false
    private(set) var templates: Set<String>

    /// `bodies` are the slugs of cases whose body changed; `frontMatter` those whose front
    /// matter changed, between `before` and `after`; `templates` the page templates that use a
    /// changed template.
    init(
        bodies: Set<String>, frontMatter: Set<String>, before: PortalIndex, after: PortalIndex, today: Day,
        templates: Set<String> = []
    ) {
        self.templates = templates
        caseSlugs = bodies.union(frontMatter)
        guard !frontMatter.isEmpty else { return }
        showsEveryCase = true
        let views = (before: PageViews(index: before, today: today), after: PageViews(index: after, today: today))
        var candidates: Set<String> = []
        for slug in frontMatter.sorted() {
            let old = before.casesBySlug[slug]
            let new = after.casesBySlug[slug]
            for (index, caseStudy) in [(before, old), (after, new)] {
                guard let caseStudy, let position = index.casePosition[slug] else { continue }
                let cases = index.portal.cases
                if position > 0 { caseSlugs.insert(cases[position - 1].slug) }
                if position + 1 < cases.count { caseSlugs.insert(cases[position + 1].slug) }
                siteIDs.formUnion(caseStudy.siteIDs)
                districtSlugs.insert(caseStudy.district.slug)
                for course in index.coursesByCase[slug] ?? [] { courseSlugs.insert(course.slug) }
                for tag in caseStudy.tags { candidates.formUnion((index.casesByTag[tag] ?? []).map(\.slug)) }
                candidates.formUnion((index.casesByDistrict[caseStudy.district.slug] ?? []).map(\.slug))
            }
            for list in Self.lists(of: [old, new].compactMap { $0 }) {
                markPages(of: list, showing: slug, before: views.before, after: views.after)
            }
        }
        for slug in candidates where !caseSlugs.contains(slug) {
            guard let old = before.casesBySlug[slug], let new = after.casesBySlug[slug] else { continue }
            let shown = (before.related(to: old).map(\.slug), after.related(to: new).map(\.slug))
            if shown.0 != shown.1 || !frontMatter.isDisjoint(with: shown.1) { caseSlugs.insert(slug) }
        }
    }

    func contains(_ spec: PageSpec) -> Bool {
        if templates.contains(spec.template) { return true }
        switch spec {
        case .caseStudy(let caseStudy), .wechat(let caseStudy): return caseSlugs.contains(caseStudy.slug)
        case .caseList: return listPages.contains(spec.path.filePath)
        case .site(let site): return siteIDs.contains(site.id)
        case .course(let course): return courseSlugs.contains(course.slug)
        case .district(let district): return districtSlugs.contains(district.slug)
        case .home, .taxonomy, .districtIndex, .register, .dashboard, .liaison, .assessment, .search:
            return showsEveryCase
        // They show no case; a change to one of their files is not a quick rebuild's.
        case .siteDirectory, .members, .member, .memberPlate, .sitePlate, .courseIndex, .coverage, .page, .notFound,
            .articleList, .newsItem, .notice, .policy:
            return false
        }
    }

    /// Every list a case is on.
    private static func lists(of cases: [CaseStudy]) -> Set<PageViews.CaseListKind> {
        var lists: Set<PageViews.CaseListKind> = [.all]
        for caseStudy in cases {
            lists.insert(.district(caseStudy.district))
            lists.insert(.category(caseStudy.category))
            lists.insert(.districtCategory(caseStudy.district, caseStudy.category))
            lists.insert(.year(caseStudy.date.year))
            for tag in caseStudy.tags { lists.insert(.tag(tag)) }
        }
        return lists
    }

    /// The pages of `list` on which the case `slug` shows, or which it moves other cases onto.
    private mutating func markPages(
        of list: PageViews.CaseListKind, showing slug: String, before: PageViews, after: PageViews
    ) {
        let old = before.cases(of: list)
        let new = after.cases(of: list)
        let perPage = PageViews.casesPerPage
        let pages: ClosedRange<Int>
        if old.count == new.count, let from = old.firstIndex(where: { $0.slug == slug }),
            let to = new.firstIndex(where: { $0.slug == slug })
        {
            pages = min(from, to) / perPage + 1...max(from, to) / perPage + 1
        } else {
            pages = 1...PageViews.pageCount(of: max(old.count, new.count))
        }
        for page in pages { listPages.insert(PageSpec.caseList(list, page: page).path.filePath) }
    }
}
