import Model

/// Progress toward the bureau's targets, computed from the site list and the training records.
struct TargetsView {
    let index: PortalIndex

    func summary() -> [ViewContext] {
        let portal = index.portal
        let targets = portal.config.targets
        var rows: [ViewContext] = []
        let demonstration = portal.sites.filter { $0.kind == .demonstration }
        if let total = targets.demonstrationSitesTotal {
            let deadline = targets.demonstrationSitesDeadline.map { "（\($0.chinese)前）" } ?? ""
            rows.append(row("示范点建设\(deadline)", current: demonstration.count, target: total, unit: "个"))
        }
        if let perDistrict = targets.demonstrationSitesPerDistrict {
            let counts = Dictionary(grouping: demonstration, by: \.district.slug).mapValues(\.count)
            let meeting = portal.config.districts.count(where: { (counts[$0.slug] ?? 0) >= perDistrict })
            var item = row("每区至少\(perDistrict)个示范点", current: meeting, target: portal.config.districts.count, unit: "个区达标")
            let short = portal.config.districts.filter { (counts[$0.slug] ?? 0) < perDistrict }.map(\.name)
            if !short.isEmpty { item["note"] = "尚未达标：" + short.joined(separator: "、") }
            rows.append(item)
        }
        if let minimum = targets.liaisonPointsMinimum {
            let liaison = portal.sites.count(where: { $0.kind == .liaison })
            rows.append(row("联系点", current: liaison, target: minimum, unit: "个"))
        }
        let complete = portal.sites.count(where: \.liuyou.isComplete)
        if !portal.sites.isEmpty {
            rows.append(row("“六有”阵地全部达标", current: complete, target: portal.sites.count, unit: "个"))
        }
        if let heads = targets.trainingOrgHeads {
            let years = targets.trainingRotationYears
            let trained = Dashboard.sessionsInRotation(portal.training, years: years).reduce(0) { $0 + $1.orgHeads }
            rows.append(row(years.map { "党组织书记轮训（\($0)年一轮）" } ?? "党组织书记轮训", current: trained, target: heads, unit: "人"))
        }
        return rows
    }

    private func row(_ label: String, current: Int, target: Int, unit: String) -> ViewContext {
        let percent = target > 0 ? min(100, current * 100 / target) : 100
        return [
            "label": label, "current": current, "target": target, "unit": unit, "percent": percent,
            "met": current >= target,
        ]
    }
}
