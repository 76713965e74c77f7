import Content
import Core
import Foundation
import Import
import Testing

/// `portal import coverage` and `portal import scores`: a count of the two coverages, its
/// clusters and the assessment's hand-entered scores merged into their data files, row by row.
@Suite struct CoverageImportTests {
    static let headers = "所属区,类别,户数,单独建,联合建,挂靠建,有党员的户数,党员人数\n"

    @Test func updatesTheRowsOfTheSnapshotOfItsDateAndKeepsWhatTheSheetDoesNotSay() async throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let sheet = try workspace.file(
            "c.csv",
            Self.headers + "东湖区,小微企业,\"5,120\",104,225,147,781,1120\n"
                + "西津区,专业市场,22,7,10,3,21,177\n")
        var request = workspace.request(.coverage, sheet)
        request.asOf = Day(year: 2026, month: 11, day: 30)
        let plan = try workspace.run(request)
        #expect(plan.updated == ["东湖区 小微企业"])
        #expect(plan.unchanged == ["西津区 专业市场"])
        #expect(plan.added.isEmpty)
        #expect(plan.notInSheet.count == 16)

        let text = try workspace.text("data/coverage.yaml")
        #expect(
            text.contains(
                "    - {district: 东湖区, category: 小微企业, entities: 5120, standalone: 104, joint: 225, affiliated: 147, with_members: 781, members: 1120, instructed: 1307}\n"
            ), "the sheet's values, the thousands separator gone, and the file's instructed count kept")
        #expect(
            text.contains(
                "    - {district: 东湖区, category: 小微企业, entities: 4820, standalone: 96, joint: 212, affiliated: 138, with_members: 731, members: 1046, instructed: 1210}\n"
            ), "the earlier snapshot is not touched")
        #expect(plan.changes.components(separatedBy: "\n").filter { $0.hasPrefix("+ ") || $0.hasPrefix("- ") }.count == 2)

        let loaded = try await workspace.loader.load()
        let newest = try #require(loaded.portal.coverage.last)
        #expect(newest.asOf == Day(year: 2026, month: 11, day: 30))
        #expect(newest.rows.first { $0.district.name == "东湖区" && $0.category.name == "小微企业" }?.counts.entities == 5120)
    }

    @Test func aNewDateStartsASnapshotAfterTheLastOneKeepingItsClustersUntilTheyAreImported() async throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let workbook = ImportWorkspace.fixtures.appendingPathComponent("coverage.xlsx")
        let plan = try workspace.run(workspace.request(.coverage, workbook))
        #expect(plan.added.count == 18)
        #expect(plan.added.first == "东湖区 小微企业")

        var text = try workspace.text("data/coverage.yaml")
        #expect(
            text.contains(
                """
                - as_of: 2026-12-01
                  rows:
                    - {district: 东湖区, category: 小微企业, entities: 5000, standalone: 92, joint: 230, affiliated: 138, with_members: 800, members: 1200, instructed: 2270}
                """))
        #expect(text.hasSuffix("  clusters:\n" + Self.clusters(of: text, at: 1)), "the last count's clusters are carried over")
        var loaded = try await workspace.loader.load()
        #expect(loaded.portal.coverage.map(\.asOf.description) == ["2025-12-31", "2026-11-30", "2026-12-01"])
        #expect(loaded.portal.coverage.last?.clusters.count == 9)

        var request = workspace.request(.clusters, workbook, sheet: "集聚区")
        request.asOf = Day(year: 2026, month: 12, day: 1)
        let clusters = try workspace.run(request)
        #expect(clusters.updated == ["东湖电商孵化大楼"])
        #expect(clusters.added == ["临江物流园"])
        text = try workspace.text("data/coverage.yaml")
        #expect(text.hasSuffix("    - {kind: 园区, name: 临江物流园, district: 临江区, members: 6, organized: false}\n"))
        loaded = try await workspace.loader.load()
        let newest = try #require(loaded.portal.coverage.last)
        #expect(newest.clusters.count == 10)
        #expect(newest.clusters.first { $0.name == "东湖电商孵化大楼" }?.isOrganized == true)
        #expect(loaded.portal.coverage[1].clusters.first { $0.name == "东湖电商孵化大楼" }?.isOrganized == false)
    }

    @Test func anEarlierDateGoesBeforeTheLaterSnapshots() async throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let rows = try workspace.text("data/coverage.yaml").components(separatedBy: "\n")
            .filter { $0.hasPrefix("    - {district:") }.prefix(18)
        var csv = "统计截止日," + Self.headers.dropLast() + ",指导员覆盖\n"
        for row in rows {
            let values = Self.values(of: row)
            csv +=
                "2026-06-30,"
                + [
                    "district", "category", "entities", "standalone", "joint", "affiliated", "with_members", "members",
                    "instructed",
                ]
                .map { values[$0]! }.joined(separator: ",") + "\n"
        }
        try workspace.run(workspace.request(.coverage, try workspace.file("c.csv", csv)))
        let loaded = try await workspace.loader.load()
        #expect(loaded.portal.coverage.map(\.asOf.description) == ["2025-12-31", "2026-06-30", "2026-11-30"])
        #expect(loaded.portal.coverage[1].clusters.map(\.name) == loaded.portal.coverage[0].clusters.map(\.name))
    }

    @Test func importingTheSameCountTwiceChangesNothing() throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let workbook = ImportWorkspace.fixtures.appendingPathComponent("coverage.xlsx")
        try workspace.run(workspace.request(.coverage, workbook))
        let once = try workspace.text("data/coverage.yaml")
        let second = try workspace.run(workspace.request(.coverage, workbook))
        #expect(second.unchanged.count == 18)
        #expect(second.changes.isEmpty)
        #expect(try workspace.text("data/coverage.yaml") == once)
    }

    @Test func mergesTheScoresOfAYearAndUpdatesOneAlreadyThere() async throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let sheet = try workspace.file(
            "s.csv",
            "年度,区县,体制机制得分\n2026,东湖区,18.5\n2026,西津区,17\n2026,南浦区,19\n2026,北塘区,16.5\n2026,临江区,15.5\n2026,云溪区,17\n"
                + "2025,西津区,17.5\n2025,云溪区,16\n")
        let plan = try workspace.run(workspace.request(.scores, sheet))
        #expect(plan.added == ["2026 东湖区", "2026 西津区", "2026 南浦区", "2026 北塘区", "2026 临江区", "2026 云溪区"])
        #expect(plan.updated == ["2025 云溪区"])
        #expect(plan.unchanged == ["2025 西津区"])
        let text = try workspace.text("data/assessment.yaml")
        #expect(text.contains("  - {year: 2025, district: 云溪区, 体制机制: 16}\n"))
        #expect(text.hasSuffix("  - {year: 2026, district: 云溪区, 体制机制: 17}\n"))

        let loaded = try await workspace.loader.load()
        let scheme = try #require(loaded.portal.assessment)
        #expect(scheme.years == [2026, 2025])
        #expect(scheme.entries.first { $0.year == 2026 && $0.district.name == "东湖区" }?.scores["体制机制"] == 18.5)
    }

    @Test func startsTheScoresOfASchemeThatHasNone() async throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let url = workspace.content.appendingPathComponent("data/assessment.yaml")
        let text = try workspace.text("data/assessment.yaml")
        let scheme = String(text[..<(try #require(text.range(of: "\n# 每区每年一条")).lowerBound)])
        try Data((scheme + "\n").utf8).write(to: url)
        let sheet = try workspace.file(
            "s.csv", "年度,所属区,体制机制\n" + ["东湖区", "西津区", "南浦区", "北塘区", "临江区", "云溪区"].map { "2025,\($0),15\n" }.joined())
        try workspace.run(workspace.request(.scores, sheet))
        #expect(
            try workspace.text("data/assessment.yaml").hasSuffix(
                "\n\nscores:\n  - {year: 2025, district: 东湖区, 体制机制: 15}\n  - {year: 2025, district: 西津区, 体制机制: 15}\n  - {year: 2025, district: 南浦区, 体制机制: 15}\n  - {year: 2025, district: 北塘区, 体制机制: 15}\n  - {year: 2025, district: 临江区, 体制机制: 15}\n  - {year: 2025, district: 云溪区, 体制机制: 15}\n"
            ))
        let loaded = try await workspace.loader.load()
        #expect(loaded.portal.assessment?.entries.count == 6)
    }

    /// The cluster lines of snapshot `index` (0-based) of a coverage file.
    static func clusters(of text: String, at index: Int) -> String {
        let snapshots = text.components(separatedBy: "\n- as_of: ")
        let snapshot = snapshots[index + 1]
        let start = snapshot.range(of: "  clusters:\n")!.upperBound
        return String(snapshot[start...]).components(separatedBy: "\n").filter { $0.hasPrefix("    - ") }
            .map { $0 + "\n" }.joined()
    }

    /// `{key: value, …}` of a flow line.
    static func values(of line: String) -> [String: String] {
        let inner = line.drop { $0 != "{" }.dropFirst().prefix { $0 != "}" }
        var values: [String: String] = [:]
        for pair in inner.components(separatedBy: ", ") {
            let parts = pair.components(separatedBy: ": ")
            values[parts[0]] = parts[1]
        }
        return values
    }
}
