import Core
import Model
import Mustache

extension PageViews {
    /// The liaison points' duties for the year of the build (联系点履职情况): each point with its
    /// leader, each duty met or missing, the latest activity and the cases the activities led to.
    public func liaison() -> ViewContext {
        let path = Routes.liaison
        let year = today.year
        let title = "联系点履职情况"
        var context = layout(
            at: path, title: title, section: Routes.dashboard,
            breadcrumbs: [("目标进度", Routes.dashboard), (title, path)])
        let all = LiaisonDuties.all(portal.whole, year: year)
        context["year"] = year
        context["points"] = all.map { liaisonRow($0, from: path) }
        context["hasPoints"] = !all.isEmpty
        context["dutyNames"] = LiaisonDuties.required.map { ["name": $0.name] as ViewContext }
        context["metCount"] = all.count(where: \.allMet)
        context["idleCount"] = all.count(where: \.isIdle)
        context["total"] = all.count
        return context
    }

    /// What the dashboard shows of the liaison points: the ones whose leader has not been there
    /// this year, and the way to the full table.
    func liaisonSummary(from path: SitePath) -> ViewContext {
        let all = LiaisonDuties.all(portal.whole, year: today.year)
        let idle = all.filter(\.isIdle)
        return [
            "href": href(Routes.liaison, from: path), "year": today.year, "total": all.count,
            "metCount": all.count(where: \.allMet), "idle": idle.map { liaisonRow($0, from: path) },
            "hasIdle": !idle.isEmpty,
        ]
    }

    /// One liaison point's row: its site, leader, duties, latest activity and cases.
    func liaisonRow(_ duties: LiaisonDuties, from path: SitePath) -> ViewContext {
        let site = duties.site
        var row: ViewContext = [
            "site": siteLink(site, from: path), "district": taxon(site.district, Routes.district(site.district), from: path),
            "hasLeader": duties.point != nil, "leaderTitle": duties.point?.leader.title ?? "",
            "leaderName": duties.point?.leader.name ?? "", "isIdle": duties.isIdle, "allMet": duties.allMet,
            "duties": duties.duties.map { ["name": $0.name, "met": $0.isMet] as ViewContext },
            "activityCount": duties.activities.count, "hasLatest": duties.latest != nil,
        ]
        if let latest = duties.latest {
            row["latest"] =
                [
                    "date": latest.date.chinese, "dateISO": latest.date.description, "kind": latest.kind.rawValue,
                    "summary": latest.summary,
                ] as ViewContext
        }
        var seen: Set<String> = []
        let cases = (duties.point?.activities ?? []).compactMap(\.caseSlug).filter { seen.insert($0).inserted }
            .compactMap { someCase($0) }
        row["cases"] = cases.map { ["title": $0.title, "href": href(Routes.caseStudy($0.slug), from: path)] as ViewContext }
        row["hasCases"] = !cases.isEmpty
        return row
    }
}
