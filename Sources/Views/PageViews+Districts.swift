import Core
import Model
import Mustache

extension PageViews {
    /// How many of a district's newest cases its column shows; the rest are a link away.
    static let districtColumnCases = 6

    /// The districts side by side (区县专栏): sites, members, cases, the 六有 and the gap of each.
    public func districtIndex() -> ViewContext {
        let path = Routes.districts
        var context = layout(at: path, title: "区县专栏", section: Routes.districts, breadcrumbs: [("区县专栏", path)])
        context["perDistrict"] = portal.config.targets.demonstrationSitesPerDistrict ?? 0
        context["hasMinimum"] = portal.config.targets.demonstrationSitesPerDistrict != nil
        context["districts"] = DistrictFigures.all(wholeIndex).map { figures in
            figuresView(figures).merging(["href": href(Routes.district(figures.district), from: path)]) { _, new in new }
        }
        return context
    }

    /// One district's column: how far it is from the minimum of demonstration sites, its sites
    /// with their 六有, its party-member shops, the training classes held there and its newest
    /// cases.
    public func districtColumn(_ district: Taxon) -> ViewContext {
        let path = Routes.district(district)
        var context = layout(
            at: path, title: "\(district.name)专栏", section: Routes.districts,
            breadcrumbs: [("区县专栏", Routes.districts), (district.name, path)])
        let figures = DistrictFigures.all(wholeIndex).first { $0.district == district }
        context["district"] = figures.map(figuresView) ?? ["name": district.name]
        let sites = portal.sites.filter { $0.district.slug == district.slug }
        context["sites"] = sites.map { site in
            let missing = zip(LiuyouChecklist.items, site.liuyou.met).filter { !$1 }.map { "有\($0.0)" }
            return siteRow(site, from: path).merging(["hasMissing": !missing.isEmpty]) { _, new in new }
        }
        context["members"] = portal.sites.flatMap { site in
            members(ofSite: site.id).filter { $0.district.slug == district.slug }.map { member in
                memberView(member, from: path).merging(["site": siteLink(site, from: path)]) { _, new in new }
            }
        }
        context["hasSites"] = !sites.isEmpty
        let points = LiaisonDuties.all(portal.whole, year: today.year).filter { $0.site.district.slug == district.slug }
        context["liaisonPoints"] = points.map { liaisonRow($0, from: path) }
        context["hasLiaisonPoints"] = !points.isEmpty
        context["liaisonHref"] = href(Routes.liaison, from: path)
        context["liaisonYear"] = today.year
        context["assessment"] = assessmentOfDistrict(district, from: path)
        context["coverage"] = coverageSummary(of: district, from: path)
        context["coverageHref"] = href(Routes.coverage, from: path)
        let coursesBySlug = Dictionary(portal.courses.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        context["training"] = portal.training.filter { $0.district.slug == district.slug }.sorted { $0.date > $1.date }
            .map { session in
                var view: ViewContext = [
                    "date": session.date.chinese, "dateISO": session.date.description, "trainees": session.trainees,
                    "orgHeads": session.orgHeads,
                ]
                if let course = coursesBySlug[session.course] { view["course"] = courseLink(course, from: path) }
                return view
            }
        context["hasTraining"] = (context["training"] as? [ViewContext])?.isEmpty == false
        let cases = listed(.district(district))
        context["cases"] = cases.prefix(Self.districtColumnCases).map { card($0, from: path) }
        context["caseCount"] = cases.count
        context["hasMoreCases"] = cases.count > Self.districtColumnCases
        context["allCases"] = href(Routes.districtCases(district), from: path)
        context["caseCategories"] = portal.config.categories.compactMap { category -> ViewContext? in
            let count = listed(.districtCategory(district, category)).count
            guard count > 0 else { return nil }
            return [
                "name": category.name, "count": count, "href": href(Routes.districtCases(district, in: category), from: path),
            ] as ViewContext
        }
        context["hasCaseCategories"] = (context["caseCategories"] as? [ViewContext])?.isEmpty == false
        return context
    }

    private func figuresView(_ figures: DistrictFigures) -> ViewContext {
        var view: ViewContext = [
            "name": figures.district.name, "demonstrationSites": figures.demonstrationSites,
            "liaisonPoints": figures.liaisonPoints, "members": figures.members, "cases": figures.cases,
            "liuyouComplete": figures.liuyouComplete, "sites": figures.sites, "gap": figures.gap,
            "hasGap": figures.gap > 0, "hasMinimum": figures.minimum != nil,
        ]
        if let minimum = figures.minimum { view["minimum"] = minimum }
        return view
    }
}
