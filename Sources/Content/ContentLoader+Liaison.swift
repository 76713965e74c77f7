import Core
import Model

extension ContentLoader {
    /// The liaison points of `liaison.yaml`, and a warning for each liaison point whose leader
    /// has no activity in the year of `today`: at its entry, or at its site when it has none.
    func decodeLiaison(
        _ root: YAMLValue?, sites: [Site], brokenSiteIDs: Set<String>, sources: [PageSource],
        diagnostics: inout Diagnostics
    ) -> [LiaisonPoint] {
        let cases = Set(sources.filter { $0.kind == .caseStudy }.map(\.slug))
        let (points, broken) = LiaisonDecoder.decode(
            root, sites: sites, brokenSiteIDs: brokenSiteIDs, cases: cases, today: today, diagnostics: &diagnostics)
        let year = today.year
        for duties in LiaisonDuties.all(sites: sites, points: points, year: year)
        where duties.isIdle && !broken.contains(duties.site.id) {
            let site = duties.site
            if let point = duties.point {
                diagnostics.warning(
                    at: point.source, "联系点 '\(site.id)'（\(site.name)）\(year)年还没有联系领导的履职记录",
                    hint: "\(point.leader.title)\(point.leader.name)每年须到联系点开展调研、党课或主题党日、帮助解决困难；开展后记入 activities")
            } else {
                diagnostics.warning(
                    at: site.source, "联系点 '\(site.id)'（\(site.name)）在 liaison.yaml 中没有履职记录",
                    hint: "在 data/liaison.yaml 中加一条 - site: \(site.id)，写上联系领导（leader）和履职活动（activities）")
            }
        }
        return points
    }
}
