import Core
import Model

/// One thing a page's view read of the portal. While a page's view is made, every read goes
/// through `PageViews`' readers (`PageViews+Reads.swift`), which note it in the page's
/// `ReadLog`; the build keeps each page's inputs, and a later build renders again only the
/// pages one of whose inputs changed.
public enum PageInput: Hashable, Sendable {
    /// `portal.yaml`: the portal's name, districts, categories and footer (every layout).
    case config
    /// The titles and slugs of the standalone pages, which every page's navigation links.
    case pageLinks
    /// A data collection, read as a whole.
    case collection(Collection)
    /// Every case's front matter, in order: pages that show or count them all.
    case allCases
    /// Everything the portal holds but case bodies: pages drawn from the whole portal (the
    /// dashboard's figures, the register, the assessment).
    case everything
    /// One case's front matter, as its card, link or page shows it.
    case caseSummary(String)
    /// One case's body.
    case caseBody(String)
    /// Which cases a list holds, in order (not what they say).
    case caseList(PageViews.CaseListKind)
    /// Which cases are of one site, in order.
    case casesOfSite(String)
    /// The tags of all cases, and the paths they are published under.
    case tags
    /// The years cases are of.
    case years
    /// Which cases are shown as related to one case.
    case related(String)
    /// Which cases are just newer and older than one case.
    case neighbours(String)

    public enum Collection: String, Sendable, CaseIterable {
        case sites, members, courses, pages, training, news, notices, policies, liaison, assessment, coverage
    }
}

/// The inputs one page's view read, noted as it is made. One page is made by one task.
public final class ReadLog: @unchecked Sendable {
    public private(set) var inputs: Set<PageInput> = []

    public init() {}

    func note(_ input: PageInput) {
        inputs.insert(input)
    }
}

extension PageInput {
    /// Whether what this input reads differs between the portal of `old` and that of `new`.
    /// Case bodies are not compared (the portal a build state keeps has none): `bodiesRead`
    /// names the cases whose files were read again, whose bodies count as changed.
    public func differs(from old: PageViews, to new: PageViews, bodiesRead: Set<String>) -> Bool {
        let (before, after) = (old.unrecorded, new.unrecorded)
        switch self {
        case .config: return before.portal.config != after.portal.config
        case .pageLinks:
            return before.portal.pages.map { [$0.title, $0.slug] } != after.portal.pages.map { [$0.title, $0.slug] }
        case .collection(let collection): return collection.values(of: before.portal) != collection.values(of: after.portal)
        case .allCases: return before.portal.cases.map(\.withoutBody) != after.portal.cases.map(\.withoutBody)
        case .everything: return before.portal.withoutCaseBodies != after.portal.withoutCaseBodies
        case .caseSummary(let slug): return before.casesBySlug[slug]?.withoutBody != after.casesBySlug[slug]?.withoutBody
        case .caseBody(let slug): return bodiesRead.contains(slug)
        case .caseList(let list): return old.listed(list).map(\.slug) != new.listed(list).map(\.slug)
        case .casesOfSite(let id): return before.casesBySite[id]?.map(\.slug) != after.casesBySite[id]?.map(\.slug)
        case .tags: return before.tags != after.tags || before.tags.map(before.tagPath) != after.tags.map(after.tagPath)
        case .years: return before.years != after.years
        case .related(let slug):
            guard let a = before.casesBySlug[slug], let b = after.casesBySlug[slug] else { return true }
            return before.related(to: a).map(\.slug) != after.related(to: b).map(\.slug)
        case .neighbours(let slug): return old.neighbourSlugs(of: slug) != new.neighbourSlugs(of: slug)
        }
    }
}

extension PageInput.Collection {
    /// The records of this collection in `portal`, to compare.
    func values(of portal: Portal) -> AnyHashable {
        switch self {
        case .sites: return portal.sites
        case .members: return portal.members
        case .courses: return portal.courses
        case .pages: return portal.pages
        case .training: return portal.training
        case .news: return portal.news
        case .notices: return portal.notices
        case .policies: return portal.policies
        case .liaison: return portal.liaison
        case .assessment: return portal.assessment
        case .coverage: return portal.coverage
        }
    }
}

extension CaseStudy {
    /// The case without its body: what cards, links and lists show of it.
    public var withoutBody: CaseStudy {
        var summary = self
        summary.body = .empty
        return summary
    }
}

extension Portal {
    /// The portal without the bodies of its cases, as a build state keeps it: they are most
    /// of its size, and are read anew for the pages that show them.
    public var withoutCaseBodies: Portal {
        var portal = self
        portal.cases = cases.map(\.withoutBody)
        return portal
    }
}

extension PageViews {
    /// The portal's settings, for reading inputs back from their codes.
    public var portalConfig: PortalConfig { unrecorded.portal.config }
}

extension PageInput {
    /// The input as a build state keeps it: `summary:case-01`, `list:district:donghu`.
    public var code: String {
        switch self {
        case .config: return "config"
        case .pageLinks: return "page-links"
        case .collection(let collection): return "collection:" + collection.rawValue
        case .allCases: return "all-cases"
        case .everything: return "everything"
        case .caseSummary(let slug): return "summary:" + slug
        case .caseBody(let slug): return "body:" + slug
        case .caseList(let list): return "list:" + list.code
        case .casesOfSite(let id): return "site-cases:" + id
        case .tags: return "tags"
        case .years: return "years"
        case .related(let slug): return "related:" + slug
        case .neighbours(let slug): return "neighbours:" + slug
        }
    }

    /// The input `code` names, with the districts and categories of `config`; nil for a code
    /// this program does not write, or a list of a district or category `config` lacks.
    public init?(code: String, config: PortalConfig) {
        let (kind, rest) = Self.split(code)
        switch kind {
        case "config": self = .config
        case "page-links": self = .pageLinks
        case "collection":
            guard let collection = Collection(rawValue: rest) else { return nil }
            self = .collection(collection)
        case "all-cases": self = .allCases
        case "everything": self = .everything
        case "summary": self = .caseSummary(rest)
        case "body": self = .caseBody(rest)
        case "list":
            guard let list = PageViews.CaseListKind(code: rest, config: config) else { return nil }
            self = .caseList(list)
        case "site-cases": self = .casesOfSite(rest)
        case "tags": self = .tags
        case "years": self = .years
        case "related": self = .related(rest)
        case "neighbours": self = .neighbours(rest)
        default: return nil
        }
    }

    /// `code` up to its first colon, and the rest.
    fileprivate static func split(_ code: String) -> (String, String) {
        guard let colon = code.firstIndex(of: ":") else { return (code, "") }
        return (String(code[..<colon]), String(code[code.index(after: colon)...]))
    }
}

extension PageViews.CaseListKind {
    var code: String {
        switch self {
        case .all: return "all"
        case .district(let district): return "district:" + district.slug
        case .category(let category): return "category:" + category.slug
        case .districtCategory(let district, let category): return "district-category:" + district.slug + ":" + category.slug
        case .tag(let tag): return "tag:" + tag
        case .year(let year): return "year:\(year)"
        }
    }

    init?(code: String, config: PortalConfig) {
        let (kind, rest) = PageInput.split(code)
        let district = { (slug: String) in config.districts.first { $0.slug == slug } }
        let category = { (slug: String) in config.categories.first { $0.slug == slug } }
        switch kind {
        case "all": self = .all
        case "district":
            guard let found = district(rest) else { return nil }
            self = .district(found)
        case "category":
            guard let found = category(rest) else { return nil }
            self = .category(found)
        case "district-category":
            let (districtSlug, categorySlug) = PageInput.split(rest)
            guard let foundDistrict = district(districtSlug), let foundCategory = category(categorySlug) else { return nil }
            self = .districtCategory(foundDistrict, foundCategory)
        case "tag": self = .tag(rest)
        case "year":
            guard let year = Int(rest) else { return nil }
            self = .year(year)
        default: return nil
        }
    }
}
