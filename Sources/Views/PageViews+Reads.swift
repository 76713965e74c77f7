import Core
import Model

/// What views read of the portal. Every read a page's view makes goes through these, and each
/// notes what it read in the page's log (`PageInput`): views never read `unrecorded` itself.
extension PageViews {
    /// These views, noting what each page reads in `log`.
    public func recording(into log: ReadLog) -> PageViews {
        var views = self
        views.log = log
        return views
    }

    func note(_ input: PageInput) {
        log?.note(input)
    }

    /// The portal, as views read it.
    var portal: PortalReads { PortalReads(base: unrecorded.portal, log: log) }

    /// The case `slug`, if there is one.
    func someCase(_ slug: String) -> CaseStudy? {
        note(.caseSummary(slug))
        return unrecorded.casesBySlug[slug]
    }

    /// The cases of `list`, in order. What each says is read through `card` or `noteShown`.
    func listed(_ list: CaseListKind) -> [CaseStudy] {
        note(.caseList(list))
        switch list {
        case .all: return unrecorded.portal.cases
        case .district(let district): return unrecorded.casesByDistrict[district.slug] ?? []
        case .districtCategory(let district, let category): return unrecorded.cases(of: district, in: category)
        case .category(let category): return unrecorded.casesByCategory[category.slug] ?? []
        case .tag(let tag): return unrecorded.casesByTag[tag] ?? []
        case .year(let year): return unrecorded.casesByYear[year] ?? []
        }
    }

    /// Notes that a page shows what `caseStudy` says (its title, say) without its card.
    func noteShown(_ caseStudy: CaseStudy) {
        note(.caseSummary(caseStudy.slug))
    }

    /// The cases of the site `id`, in order.
    func cases(ofSite id: String) -> [CaseStudy] {
        note(.casesOfSite(id))
        return unrecorded.casesBySite[id] ?? []
    }

    var tags: [String] {
        note(.tags)
        return unrecorded.tags
    }

    func tagPath(_ tag: String) -> SitePath {
        note(.tags)
        return unrecorded.tagPath(tag)
    }

    var years: [Int] {
        note(.years)
        return unrecorded.years
    }

    func site(id: String) -> Site? {
        note(.collection(.sites))
        return unrecorded.sitesByID[id]
    }

    func members(ofSite id: String) -> [Member] {
        note(.collection(.members))
        return unrecorded.membersBySite[id] ?? []
    }

    func courses(ofCase slug: String) -> [Course] {
        note(.collection(.courses))
        return unrecorded.coursesByCase[slug] ?? []
    }

    func courses(ofSite id: String) -> [Course] {
        note(.collection(.courses))
        return unrecorded.coursesBySite[id] ?? []
    }

    func related(to caseStudy: CaseStudy) -> [CaseStudy] {
        note(.related(caseStudy.slug))
        return unrecorded.related(to: caseStudy)
    }

    /// The cases just newer and older than the case `slug`, each noted as shown.
    func neighbours(of slug: String) -> (newer: CaseStudy?, older: CaseStudy?) {
        note(.neighbours(slug))
        let cases = unrecorded.portal.cases
        guard let position = unrecorded.casePosition[slug] else { return (nil, nil) }
        let newer = position > 0 ? cases[position - 1] : nil
        let older = position + 1 < cases.count ? cases[position + 1] : nil
        for shown in [newer, older].compactMap({ $0 }) { noteShown(shown) }
        return (newer, older)
    }

    func neighbourSlugs(of slug: String) -> [String?] {
        let (newer, older) = neighbours(of: slug)
        return [newer?.slug, older?.slug]
    }

    /// The whole index, for figures drawn from all of it (the dashboard's).
    var wholeIndex: PortalIndex {
        note(.everything)
        return unrecorded
    }
}

/// The portal as views read it: each part notes the input it is.
struct PortalReads {
    let base: Portal
    let log: ReadLog?

    private func noted<T>(_ input: PageInput, _ value: T) -> T {
        log?.note(input)
        return value
    }

    var config: PortalConfig { noted(.config, base.config) }
    /// Every case, newest first, with all each says.
    var cases: [CaseStudy] { noted(.allCases, base.cases) }
    var pages: [StandalonePage] { noted(.collection(.pages), base.pages) }
    /// The titles and slugs of the standalone pages only, for the navigation.
    var pageLinks: [(title: String, slug: String)] { noted(.pageLinks, base.pages.map { ($0.title, $0.slug) }) }
    var sites: [Site] { noted(.collection(.sites), base.sites) }
    var members: [Member] { noted(.collection(.members), base.members) }
    var courses: [Course] { noted(.collection(.courses), base.courses) }
    var training: [TrainingSession] { noted(.collection(.training), base.training) }
    var news: [NewsItem] { noted(.collection(.news), base.news) }
    var notices: [Notice] { noted(.collection(.notices), base.notices) }
    var policies: [PolicyDocument] { noted(.collection(.policies), base.policies) }
    var liaison: [LiaisonPoint] { noted(.collection(.liaison), base.liaison) }
    var assessment: AssessmentScheme? { noted(.collection(.assessment), base.assessment) }
    var coverage: [CoverageSnapshot] { noted(.collection(.coverage), base.coverage) }
    /// The whole portal, for figures drawn from all of it.
    var whole: Portal { noted(.everything, base) }
}
