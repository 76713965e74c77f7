import Core

/// The ways readers browse the portal, computed once from a `Portal`: cases by district,
/// category, tag, year and site; courses by the cases they use; members by site. Every list
/// keeps the portal's order (cases newest first), so pages built from it are the same every run.
public struct PortalIndex: Sendable {
    public let portal: Portal
    public let casesByDistrict: [String: [CaseStudy]]
    public let casesByCategory: [String: [CaseStudy]]
    public let casesByTag: [String: [CaseStudy]]
    /// Tags by how many cases carry them, then by name.
    public let tags: [String]
    /// The address of each tag's list, worked out once: making a tag's path segment normalizes
    /// its Unicode, and every card links its tags.
    let tagPaths: [String: SitePath]
    public let casesByYear: [Int: [CaseStudy]]
    /// Newest year first.
    public let years: [Int]
    public let casesBySite: [String: [CaseStudy]]
    public let coursesByCase: [String: [Course]]
    public let coursesBySite: [String: [Course]]
    public let membersBySite: [String: [Member]]
    public let sitesByID: [String: Site]
    public let casesBySlug: [String: CaseStudy]
    /// Position of each case in `portal.cases`, for previous and next links.
    public let casePosition: [String: Int]
    /// Positions in `portal.cases` by tag and by district slug, for related cases.
    let positionsByTag: [String: [Int]]
    let positionsByDistrict: [String: [Int]]
    /// The category of each case in `portal.cases`, numbered.
    let categoryNumbers: [Int]

    public init(_ portal: Portal) {
        self.portal = portal
        var byDistrict: [String: [CaseStudy]] = [:]
        var byCategory: [String: [CaseStudy]] = [:]
        var byTag: [String: [CaseStudy]] = [:]
        var byYear: [Int: [CaseStudy]] = [:]
        var bySite: [String: [CaseStudy]] = [:]
        var bySlug: [String: CaseStudy] = [:]
        var position: [String: Int] = [:]
        var tagPositions: [String: [Int]] = [:]
        var districtPositions: [String: [Int]] = [:]
        var categoryNumbers: [String: Int] = [:]
        for (index, caseStudy) in portal.cases.enumerated() {
            byDistrict[caseStudy.district.slug, default: []].append(caseStudy)
            byCategory[caseStudy.category.slug, default: []].append(caseStudy)
            for tag in caseStudy.tags { byTag[tag, default: []].append(caseStudy) }
            byYear[caseStudy.date.year, default: []].append(caseStudy)
            for id in caseStudy.siteIDs { bySite[id, default: []].append(caseStudy) }
            bySlug[caseStudy.slug] = caseStudy
            position[caseStudy.slug] = index
            for tag in caseStudy.tags { tagPositions[tag, default: []].append(index) }
            districtPositions[caseStudy.district.slug, default: []].append(index)
        }
        casesByDistrict = byDistrict
        casesByCategory = byCategory
        casesByTag = byTag
        tags = byTag.keys.sorted { (byTag[$0]!.count, $1) > (byTag[$1]!.count, $0) }
        tagPaths = Dictionary(uniqueKeysWithValues: byTag.keys.map { ($0, Routes.tag($0)) })
        casesByYear = byYear
        years = byYear.keys.sorted(by: >)
        casesBySite = bySite
        casesBySlug = bySlug
        casePosition = position
        positionsByTag = tagPositions
        positionsByDistrict = districtPositions
        self.categoryNumbers = portal.cases.map { caseStudy in
            if let number = categoryNumbers[caseStudy.category.slug] { return number }
            categoryNumbers[caseStudy.category.slug] = categoryNumbers.count
            return categoryNumbers.count - 1
        }

        var coursesOfCase: [String: [Course]] = [:]
        var coursesOfSite: [String: [Course]] = [:]
        for course in portal.courses {
            var visited: Set<String> = []
            for id in course.lessons.flatMap(\.siteIDs) where visited.insert(id).inserted {
                coursesOfSite[id, default: []].append(course)
            }
            for slug in course.caseSlugs {
                coursesOfCase[slug, default: []].append(course)
                for id in bySlug[slug]?.siteIDs ?? [] where visited.insert(id).inserted {
                    coursesOfSite[id, default: []].append(course)
                }
            }
        }
        coursesByCase = coursesOfCase
        coursesBySite = coursesOfSite
        membersBySite = Dictionary(grouping: portal.members, by: \.siteID)
        sitesByID = Dictionary(portal.sites.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The cases of `district` in `category`, newest first.
    public func cases(of district: Taxon, in category: Taxon) -> [CaseStudy] {
        (casesByDistrict[district.slug] ?? []).filter { $0.category.slug == category.slug }
    }

    /// The address of the list of cases tagged `tag`: `Routes.tag(tag)`.
    public func tagPath(_ tag: String) -> SitePath {
        tagPaths[tag] ?? Routes.tag(tag)
    }

    /// Up to `limit` cases most like `caseStudy`: two points per shared tag, one for the same
    /// district and one for the same category; ties go to the newer case. Candidates are the
    /// newest `relatedCandidates` cases of each of its tags and of its district, scored in a
    /// scratch array by position: a page costs the same in a portal of 1,000 cases as in one
    /// of 50,000, where a tag can hold thousands.
    public static let relatedCandidates = 256

    public func related(to caseStudy: CaseStudy, limit: Int = 4) -> [CaseStudy] {
        guard let own = casePosition[caseStudy.slug] else { return [] }
        var scores = [UInt16](repeating: 0, count: portal.cases.count)
        var touched: [Int] = []
        func add(_ positions: [Int], _ points: UInt16) {
            for position in positions.prefix(Self.relatedCandidates) where position != own {
                if scores[position] == 0 { touched.append(position) }
                scores[position] += points
            }
        }
        for tag in caseStudy.tags { add(positionsByTag[tag] ?? [], 2) }
        add(positionsByDistrict[caseStudy.district.slug] ?? [], 1)
        // The best `limit` (score, position) pairs: higher score first, then lower position (newer).
        var best: [(score: Int, position: Int)] = []
        for position in touched {
            var score = Int(scores[position])
            if categoryNumbers[position] == categoryNumbers[own] { score += 1 }
            if best.count == limit, let last = best.last,
                score < last.score || (score == last.score && position > last.position)
            {
                continue
            }
            let insertAt =
                best.firstIndex { score > $0.score || (score == $0.score && position < $0.position) } ?? best.count
            best.insert((score, position), at: insertAt)
            if best.count > limit { best.removeLast() }
        }
        return best.map { portal.cases[$0.position] }
    }
}
