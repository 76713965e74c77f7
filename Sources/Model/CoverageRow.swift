import Core

/// One row of a coverage snapshot: the counts of one category of market entities in one district.
public struct CoverageRow: Sendable, Hashable, Codable {
    public var district: Taxon
    public var category: Taxon
    public var counts: CoverageCounts
    public var source: SourceLocation

    public init(district: Taxon, category: Taxon, counts: CoverageCounts, source: SourceLocation) {
        self.district = district
        self.category = category
        self.counts = counts
        self.source = source
    }
}
