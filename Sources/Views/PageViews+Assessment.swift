import Core
import Model
import Mustache

extension PageViews {
    /// The assessment (年度考核), newest year first: each year's districts ranked by total with
    /// a chart, then each district's scorecard with every dimension's score, what it measured
    /// and the cases, sites, training classes or coverage figures that counted.
    public func assessment() -> ViewContext {
        let path = Routes.assessment
        let title = "年度考核"
        var context = layout(
            at: path, title: title, section: Routes.dashboard, breadcrumbs: [("目标进度", Routes.dashboard), (title, path)])
        let dimensions = portal.assessment?.dimensions ?? []
        context["dimensions"] = dimensions.map { dimension in
            [
                "name": dimension.name, "weight": dimension.weight, "basis": dimension.basis,
                "measure": dimension.measure.rawValue, "isComputed": dimension.measure.isComputed,
                "target": dimension.target.map { dimension.measure.figure(Double($0)) } ?? "",
            ] as ViewContext
        }
        let years = Scorecard.all(portal.whole)
        context["years"] = years.map { year, cards in
            var view: ViewContext = [
                "year": year, "anchor": "y\(year)", "cards": cards.map { scorecardView($0, from: path) },
                "dimensions": dimensions.map { ["name": $0.name, "weight": $0.weight] as ViewContext },
            ]
            if let chart = BarChart.svg(for: rankingTable(year: year, cards: cards)) { view["chart"] = SafeHTML(chart) }
            view["hasChart"] = view["chart"] != nil
            return view
        }
        context["hasYears"] = !years.isEmpty
        return context
    }

    /// The newest year's ranking, for the dashboard, or nothing without scores.
    func assessmentSummary(from path: SitePath) -> ViewContext? {
        guard let (year, cards) = Scorecard.all(portal.whole).first else { return nil }
        return [
            "year": year, "href": href(Routes.assessment, from: path) + "#y\(year)",
            "cards": cards.map { scorecardView($0, from: path) },
        ]
    }

    /// A district's latest scorecard, for its column.
    func assessmentOfDistrict(_ district: Taxon, from path: SitePath) -> ViewContext? {
        guard let (_, cards) = Scorecard.all(portal.whole).first, let card = cards.first(where: { $0.district == district })
        else { return nil }
        return scorecardView(card, from: path).merging(["count": cards.count]) { _, new in new }
    }

    func scorecardView(_ card: Scorecard, from path: SitePath) -> ViewContext {
        let anchor = "y\(card.year)-\(card.district.slug)"
        return [
            "year": card.year, "rank": card.rank, "total": Scorecard.points(card.total), "anchor": anchor,
            "href": href(Routes.assessment, from: path) + "#" + anchor,
            "district": taxon(card.district, Routes.district(card.district), from: path),
            "items": card.items.map { scorecardItem($0, from: path) },
        ]
    }

    private func scorecardItem(_ item: Scorecard.Item, from path: SitePath) -> ViewContext {
        let dimension = item.dimension
        var view: ViewContext = [
            "name": dimension.name, "weight": dimension.weight, "score": Scorecard.points(item.score),
            "basis": dimension.basis, "isComputed": dimension.measure.isComputed, "measure": dimension.measure.rawValue,
            "measured": item.measured.map(dimension.measure.figure) ?? "",
            "target": dimension.target.map { dimension.measure.figure(Double($0)) } ?? "",
        ]
        let coursesBySlug = Dictionary(portal.courses.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let evidence = item.evidence.compactMap { evidence -> ViewContext? in
            switch evidence {
            case .site(let site):
                return ["text": site.name, "href": href(Routes.site(site.id), from: path)]
            case .caseStudy(let caseStudy):
                return ["text": caseStudy.title, "href": href(Routes.caseStudy(caseStudy.slug), from: path)]
            case .training(let session):
                let course = coursesBySlug[session.course]
                return [
                    "text": "\(session.date.chinese) \(course?.title ?? session.course)（书记 \(session.orgHeads) 人）",
                    "href": course.map { href(Routes.course($0.slug), from: path) } ?? "",
                ]
            case .coverage(let asOf):
                return ["text": "两个覆盖统计（截至\(asOf.chinese)）", "href": href(Routes.coverage, from: path)]
            }
        }
        view["evidence"] = evidence
        view["hasEvidence"] = !evidence.isEmpty
        return view
    }

    /// The year's totals as a table, for the bar chart the dashboard's tables also get.
    private func rankingTable(year: Int, cards: [Scorecard]) -> Dashboard.Table {
        Dashboard.Table(
            id: "assessment-\(year)", title: "\(year)年度考核总分", note: "", columns: ["区", "总分"],
            rows: cards.map { [$0.district.name, Scorecard.points($0.total)] },
            chart: Dashboard.Chart(valueColumn: 1, target: nil, targetLabel: "", unit: "分"))
    }
}
