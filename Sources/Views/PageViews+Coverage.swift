import Charts
import Core
import Model
import Mustache

extension PageViews {
    /// 两个覆盖: the latest snapshot's counts and both rates by district and category, the
    /// district and city totals, a chart of the districts' rates, the blind spots and the
    /// districts whose coverage fell since the snapshot before.
    public func coverage() -> ViewContext {
        let path = Routes.coverage
        let title = "两个覆盖"
        var context = layout(
            at: path, title: title, section: Routes.dashboard, breadcrumbs: [("目标进度", Routes.dashboard), (title, path)])
        guard let latest = portal.coverage.last else {
            context["hasSnapshot"] = false
            return context
        }
        let districts = portal.config.districts.filter(latest.covers)
        context["hasSnapshot"] = true
        context["asOf"] = ["text": latest.asOf.chinese, "iso": latest.asOf.description] as ViewContext
        if portal.coverage.count >= 2 {
            let previous = portal.coverage[portal.coverage.count - 2].asOf
            context["previousAsOf"] = ["text": previous.chinese, "iso": previous.description] as ViewContext
        }
        context["hasPrevious"] = portal.coverage.count >= 2
        context["districts"] = districts.map { district in
            let rows = portal.config.categories.compactMap { latest.row(district, $0) }
            return [
                "district": taxon(district, Routes.district(district), from: path),
                "rows": rows.map { coverageCounts($0.counts).merging(["category": $0.category.name]) { _, new in new } },
                "total": coverageCounts(latest.total(of: district)),
            ] as ViewContext
        }
        context["categories"] = portal.config.categories.compactMap { category -> ViewContext? in
            guard latest.rows.contains(where: { $0.category.slug == category.slug }) else { return nil }
            return coverageCounts(latest.total(ofCategory: category)).merging(["category": category.name]) { _, new in new }
        }
        context["total"] = coverageCounts(latest.total)
        context["chart"] = SafeHTML(coverageChart(latest, districts: districts))
        context["blindSpots"] = latest.blindSpots.map { clusterView($0, from: path) }
        context["hasBlindSpots"] = !latest.blindSpots.isEmpty
        context["clusterCount"] = latest.clusters.count
        let losses = CoverageLoss.all(portal.coverage, districts: portal.config.districts)
        context["losses"] = losses.map { lossView($0, from: path) }
        context["hasLosses"] = !losses.isEmpty
        return context
    }

    /// What the dashboard and a district column show of the coverage: the rates of the latest
    /// snapshot (city-wide, or of one district), its blind spots, its losses and the way to the page.
    func coverageSummary(of district: Taxon? = nil, from path: SitePath) -> ViewContext? {
        guard let latest = portal.coverage.last, district.map(latest.covers) ?? true else { return nil }
        let counts = district.map(latest.total(of:)) ?? latest.total
        let spots = latest.blindSpots.filter { spot in district.map { $0.slug == spot.district.slug } ?? true }
        let losses = CoverageLoss.all(portal.coverage, districts: portal.config.districts).filter { loss in
            district.map { $0.slug == loss.district.slug } ?? true
        }
        return coverageCounts(counts).merging([
            "href": href(Routes.coverage, from: path), "asOf": latest.asOf.chinese,
            "blindSpots": spots.map { clusterView($0, from: path) }, "hasBlindSpots": !spots.isEmpty,
            "blindSpotCount": spots.count, "losses": losses.map { lossView($0, from: path) }, "hasLosses": !losses.isEmpty,
        ]) { _, new in new }
    }

    private func coverageCounts(_ counts: CoverageCounts) -> ViewContext {
        [
            "entities": counts.entities, "standalone": counts.standalone, "joint": counts.joint,
            "affiliated": counts.affiliated, "organized": counts.organized, "withMembers": counts.withMembers,
            "members": counts.members, "instructed": counts.instructed,
            "organizationRate": CoverageCounts.percent(counts.organizationRate),
            "workRate": CoverageCounts.percent(counts.workRate),
        ]
    }

    private func clusterView(_ cluster: CoverageCluster, from path: SitePath) -> ViewContext {
        [
            "kind": cluster.kind.rawValue, "name": cluster.name, "members": cluster.members,
            "district": taxon(cluster.district, Routes.district(cluster.district), from: path),
        ]
    }

    private func lossView(_ loss: CoverageLoss, from path: SitePath) -> ViewContext {
        [
            "district": taxon(loss.district, Routes.district(loss.district), from: path),
            "previousRate": CoverageCounts.percent(loss.previous.organizationRate),
            "latestRate": CoverageCounts.percent(loss.latest.organizationRate),
            "previousOrganized": loss.previous.organized, "latestOrganized": loss.latest.organized,
            "previousAsOf": loss.previousAsOf.chinese, "latestAsOf": loss.latestAsOf.chinese,
        ]
    }

    /// Both rates of each district, as bars in percent.
    private func coverageChart(_ snapshot: CoverageSnapshot, districts: [Taxon]) -> String {
        let totals = districts.map(snapshot.total(of:))
        func percents(_ rate: KeyPath<CoverageCounts, Double?>) -> [Double] {
            totals.map { (($0[keyPath: rate] ?? 0) * 1000).rounded() / 10 }
        }
        return ChartSVG.fluidBars(
            ChartData(
                labels: districts.map(\.name),
                series: [
                    ChartData.Series(name: "组织覆盖率", values: percents(\.organizationRate)),
                    ChartData.Series(name: "工作覆盖率", values: percents(\.workRate)),
                ], unit: "%"))
    }
}
