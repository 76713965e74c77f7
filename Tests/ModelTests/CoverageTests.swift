import Core
import Model
import Testing

/// The two coverages computed from the counts: the rates, the totals, the blind spots and the
/// districts that lost coverage between two snapshots.
@Suite struct CoverageTests {
    static let donghu = Taxon(name: "东湖区", slug: "donghu")
    static let xijin = Taxon(name: "西津区", slug: "xijin")
    static let small = Taxon(name: "小微企业", slug: "xiaowei")
    static let shops = Taxon(name: "个体工商户", slug: "getihu")
    static let source = SourceLocation(path: "content/data/coverage.yaml", line: 1, column: 1)

    static func counts(_ entities: Int, organized: (Int, Int, Int), instructed: Int = 0) -> CoverageCounts {
        CoverageCounts(
            entities: entities, standalone: organized.0, joint: organized.1, affiliated: organized.2, withMembers: 0,
            members: 0, instructed: instructed)
    }

    static func snapshot(_ day: Int, _ rows: [(Taxon, Taxon, CoverageCounts)], clusters: [CoverageCluster] = [])
        -> CoverageSnapshot
    {
        CoverageSnapshot(
            asOf: Day(year: 2026, month: 1, day: day)!,
            rows: rows.map { CoverageRow(district: $0.0, category: $0.1, counts: $0.2, source: source) },
            clusters: clusters, source: source)
    }

    @Test func organisationCoverageCountsEveryWayOfFoundingAndWorkCoverageAddsTheInstructed() {
        let row = Self.counts(800, organized: (6, 10, 16), instructed: 168)
        #expect(row.organized == 32)
        #expect(row.organizationRate == 0.04)
        #expect(row.workRate == 0.25)
        #expect(CoverageCounts.percent(row.organizationRate) == "4.0%")
        #expect(CoverageCounts.percent(2.0 / 3.0) == "66.7%")
        #expect(CoverageCounts.percent(Self.counts(0, organized: (0, 0, 0)).organizationRate) == "—")
    }

    @Test func districtAndCityTotalsAreSummedFromTheRows() {
        let snapshot = Self.snapshot(
            1,
            [
                (Self.donghu, Self.small, Self.counts(200, organized: (10, 20, 10), instructed: 60)),
                (Self.donghu, Self.shops, Self.counts(800, organized: (4, 16, 20), instructed: 200)),
                (Self.xijin, Self.small, Self.counts(300, organized: (15, 15, 0), instructed: 30)),
            ])
        #expect(snapshot.total(of: Self.donghu).organized == 80)
        #expect(snapshot.total(of: Self.donghu).organizationRate == 0.08)
        #expect(snapshot.total(of: Self.donghu).workRate == 0.34)
        #expect(snapshot.total(ofCategory: Self.small).entities == 500)
        #expect(snapshot.total.entities == 1300)
        #expect(snapshot.total.organized == 110)
        #expect(CoverageCounts.percent(snapshot.total.workRate) == "30.8%")
    }

    @Test func aClusterWithMembersButNoOrganisationIsABlindSpot() {
        let clusters = [
            CoverageCluster(
                kind: .building, name: "金融大厦", district: Self.xijin, members: 9, isOrganized: false, source: Self.source),
            CoverageCluster(kind: .park, name: "科创园", district: Self.donghu, members: 12, isOrganized: true, source: Self.source),
            CoverageCluster(
                kind: .businessDistrict, name: "夜市", district: Self.donghu, members: 0, isOrganized: false, source: Self.source),
        ]
        #expect(Self.snapshot(1, [], clusters: clusters).blindSpots.map(\.name) == ["金融大厦"])
    }

    @Test func aDistrictWhoseRateOrOrganisationsFellLostCoverage() {
        let before = Self.snapshot(
            1,
            [
                (Self.donghu, Self.small, Self.counts(200, organized: (10, 20, 10))),
                (Self.xijin, Self.small, Self.counts(300, organized: (15, 15, 0))),
            ])
        // 东湖区 has more organisations and the same rate; 西津区 the same organisations among more entities.
        let after = Self.snapshot(
            2,
            [
                (Self.donghu, Self.small, Self.counts(250, organized: (20, 20, 10))),
                (Self.xijin, Self.small, Self.counts(400, organized: (15, 15, 0))),
            ])
        let losses = CoverageLoss.all([before, after], districts: [Self.donghu, Self.xijin])
        #expect(losses.map(\.district) == [Self.xijin])
        #expect(losses.first?.previous.organizationRate == 0.1)
        #expect(losses.first?.latest.organizationRate == 0.075)
        #expect(CoverageLoss.all([after], districts: [Self.donghu, Self.xijin]).isEmpty, "one snapshot: nothing to compare")
        // Fewer organisations is a loss even when the rate rose, as fewer entities are on file.
        let shrunk = Self.snapshot(3, [(Self.donghu, Self.small, Self.counts(100, organized: (10, 20, 9)))])
        #expect(CoverageLoss.all([before, shrunk], districts: [Self.donghu]).map(\.latest.organized) == [39])
    }
}
