import Core

/// The 两个覆盖 figures as of one day (`data/coverage.yaml`): a row per district and category,
/// and the named clusters. Totals per district and city-wide are summed from the rows.
public struct CoverageSnapshot: Sendable, Hashable, Codable {
    public var asOf: Day
    /// In the order written.
    public var rows: [CoverageRow]
    public var clusters: [CoverageCluster]
    public var source: SourceLocation

    public init(asOf: Day, rows: [CoverageRow], clusters: [CoverageCluster], source: SourceLocation) {
        self.asOf = asOf
        self.rows = rows
        self.clusters = clusters
        self.source = source
    }

    /// The counts of one district, all categories summed.
    public func total(of district: Taxon) -> CoverageCounts {
        rows.filter { $0.district.slug == district.slug }.map(\.counts).reduce(.zero, +)
    }

    /// The counts of one category, all districts summed.
    public func total(ofCategory category: Taxon) -> CoverageCounts {
        rows.filter { $0.category.slug == category.slug }.map(\.counts).reduce(.zero, +)
    }

    /// The city-wide counts.
    public var total: CoverageCounts { rows.map(\.counts).reduce(.zero, +) }

    /// The row of one district and category, if the snapshot has it.
    public func row(_ district: Taxon, _ category: Taxon) -> CoverageRow? {
        rows.first { $0.district.slug == district.slug && $0.category.slug == category.slug }
    }

    /// Whether the snapshot has any row of the district.
    public func covers(_ district: Taxon) -> Bool { rows.contains { $0.district.slug == district.slug } }

    /// Clusters with party members but no organisation, in the order written.
    public var blindSpots: [CoverageCluster] { clusters.filter(\.isBlindSpot) }
}
