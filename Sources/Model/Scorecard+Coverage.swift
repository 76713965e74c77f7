import Core

extension Scorecard {
    /// The district's 组织覆盖率 in percent, from the newest coverage snapshot of the year.
    static func organisationRate(of district: Taxon, in year: Int, portal: Portal) -> (rate: Double, asOf: Day)? {
        guard
            let snapshot = portal.coverage.filter({ $0.asOf.year == year && $0.covers(district) }).max(by: { $0.asOf < $1.asOf }),
            let rate = snapshot.total(of: district).organizationRate
        else { return nil }
        return (rate * 100, snapshot.asOf)
    }
}
