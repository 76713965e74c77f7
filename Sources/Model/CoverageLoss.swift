import Core

/// A district whose organisation coverage fell from one snapshot to the next: its rate is
/// lower, or fewer of its entities have an organisation.
public struct CoverageLoss: Sendable, Hashable {
    public var district: Taxon
    public var previous: CoverageCounts
    public var latest: CoverageCounts
    public var previousAsOf: Day
    public var latestAsOf: Day
    /// The district's first row in the latest snapshot, where the warning points.
    public var source: SourceLocation

    public init(
        district: Taxon, previous: CoverageCounts, latest: CoverageCounts, previousAsOf: Day, latestAsOf: Day,
        source: SourceLocation
    ) {
        self.district = district
        self.previous = previous
        self.latest = latest
        self.previousAsOf = previousAsOf
        self.latestAsOf = latestAsOf
        self.source = source
    }

    /// The districts of `districts` (in that order) that lost coverage between the last two of
    /// `snapshots` (oldest first); none with fewer than two. A district missing from either
    /// snapshot is not compared.
    public static func all(_ snapshots: [CoverageSnapshot], districts: [Taxon]) -> [CoverageLoss] {
        guard snapshots.count >= 2 else { return [] }
        let previous = snapshots[snapshots.count - 2]
        let latest = snapshots[snapshots.count - 1]
        return districts.compactMap { district in
            guard previous.covers(district), let first = latest.rows.first(where: { $0.district.slug == district.slug })
            else { return nil }
            let before = previous.total(of: district)
            let after = latest.total(of: district)
            let rateFell = (after.organizationRate ?? 0) < (before.organizationRate ?? 0)
            guard rateFell || after.organized < before.organized else { return nil }
            return CoverageLoss(
                district: district, previous: before, latest: after, previousAsOf: previous.asOf,
                latestAsOf: latest.asOf, source: first.source)
        }
    }
}
