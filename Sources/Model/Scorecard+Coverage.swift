import Core

extension Scorecard {
    /// The district's 组织覆盖率 in percent, from the newest coverage snapshot of the year.
    static func organisationRate(of district: Taxon, in year: Int, portal: Portal) -> (rate: Double, asOf: Day)? {
        nil
    }
}
