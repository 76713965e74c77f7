import Content
import Foundation
import Testing

/// One small broken `data/coverage.yaml` per message: the base site with one snapshot changed
/// in one way, expecting exactly these diagnostics at their places.
@Suite struct CoverageFixtureTests {
    typealias Fixture = ErrorFixtureTests.Fixture

    /// A snapshot as of `asOf` (its first line): one row from line 3, one cluster from line 13.
    static func snapshot(asOf: String = "2026-06-30", row: String = row(), cluster: String = cluster) -> String {
        "- as_of: \(asOf)\n  rows:\n" + row + "  clusters:\n" + cluster
    }

    /// A row of 东湖区's 小微企业, one key a line: district on line 3 of a snapshot, entities on
    /// 5, standalone 6, joint 7, affiliated 8, with_members 9, members 10, instructed 11.
    static func row(
        district: String = "东湖区", category: String = "小微企业", entities: String = "100", standalone: String = "10",
        withMembers: String = "30", members: String = "40", instructed: String = "20"
    ) -> String {
        """
            - district: \(district)
              category: \(category)
              entities: \(entities)
              standalone: \(standalone)
              joint: 5
              affiliated: 5
              with_members: \(withMembers)
              members: \(members)
              instructed: \(instructed)

        """
    }

    static let cluster = "    - kind: 园区\n      name: 东湖科创园\n      district: 东湖区\n      members: 8\n      organized: true\n"

    static func coverage(_ text: String) -> [String: String?] { ["data/coverage.yaml": text] }

    static let fixtures: [Fixture] = [
        Fixture(
            "coverageUnknownDistrict", coverage(snapshot(row: row(district: "南湖区"))),
            ["content/data/coverage.yaml:3:17: error: 未知的区 '南湖区'\n  hint: 是不是 '东湖区'？"]),
        Fixture(
            "coverageUnknownCategory", coverage(snapshot(row: row(category: "小型企业"))),
            ["content/data/coverage.yaml:4:17: error: 未知的类别 '小型企业'\n  hint: 是不是 '小微企业'？"]),
        Fixture(
            "coverageNegativeCount", coverage(snapshot(row: row(entities: "-100"))),
            ["content/data/coverage.yaml:5:17: error: 'entities' 应为整数，这里是 '-100'\n  hint: 只写数字，不加引号，如 entities: 0"]),
        Fixture(
            "coverageCountNotAnInteger", coverage(snapshot(row: row(members: "40.5"))),
            ["content/data/coverage.yaml:10:16: error: 'members' 应为整数，这里是 '40.5'\n  hint: 只写数字，不加引号，如 members: 0"]),
        Fixture(
            "coverageOrganizedOverEntities", coverage(snapshot(row: row(standalone: "95"))),
            [
                "content/data/coverage.yaml:6:19: error: 建有党组织的户数 105（单独建 95 + 联合建 5 + 挂靠建 5）超过户数 100\n  hint: 每户只按一种建立方式计一次；核对 entities 和 standalone、joint、affiliated"
            ]),
        Fixture(
            "coverageOrganizedAndInstructedOverEntities", coverage(snapshot(row: row(instructed: "81"))),
            [
                "content/data/coverage.yaml:11:19: error: 建有党组织的 20 户加选派党建指导员的 81 户超过户数 100\n  hint: instructed 只计没有建立党组织、由党建指导员覆盖的户数"
            ]),
        Fixture(
            "coverageWithMembersOverEntities", coverage(snapshot(row: row(withMembers: "130", members: "140"))),
            [
                "content/data/coverage.yaml:9:21: error: 有党员的户数 130 超过户数 100\n  hint: with_members 是有党员的经营主体户数，不是党员人数；党员人数写在 members"
            ]),
        Fixture(
            "coverageFewerMembersThanEntitiesWithMembers", coverage(snapshot(row: row(members: "20"))),
            [
                "content/data/coverage.yaml:10:16: error: 党员人数 20 少于有党员的户数 30\n  hint: 每个有党员的户至少有一名党员；核对 members 和 with_members"
            ]),
        Fixture(
            "coverageUnknownClusterKind", coverage(snapshot(cluster: cluster.replacingOccurrences(of: "园区", with: "社区"))),
            ["content/data/coverage.yaml:13:13: error: 未知的集聚区类型 '社区'\n  hint: kind 写 园区、楼宇、商圈 或 专业市场"]),
        Fixture(
            "coverageUnknownKey", coverage(snapshot(row: row() + "      shops: 3\n")),
            [
                "content/data/coverage.yaml:12:7: error: 覆盖数据行中有未知的键 'shops'\n  hint: 可用的键：district, category, entities, standalone, joint, affiliated, with_members, members, instructed"
            ]),
        Fixture(
            "coverageDuplicateRow", coverage(snapshot(row: row() + row(entities: "120"))),
            [
                "content/data/coverage.yaml:12:17: error: 东湖区小微企业的数据在这次统计中重复，第一次出现在第 3 行\n  hint: 每个区县的每个类别只写一行；合并两行的户数，删掉这一行"
            ]),
        Fixture(
            "coverageDuplicateAsOf", coverage(snapshot() + snapshot()),
            [
                "content/data/coverage.yaml:18:10: error: 统计日期 2026-06-30 重复，第一次出现在第 1 行\n  hint: 同一天的数据写在同一个 as_of 下；删掉或改正这一个"
            ]),
        Fixture(
            "coverageAsOfInTheFuture", coverage(snapshot(asOf: "2026-12-04")),
            [
                "content/data/coverage.yaml:1:10: error: 统计日期 2026-12-04 晚于今天（2026-12-03）\n  hint: as_of 写数据统计截止的那一天，只记已经统计完成的数据"
            ]),
        Fixture(
            "coverageLostInADistrict", coverage(snapshot(asOf: "2025-12-31") + snapshot(row: row(standalone: "4"))),
            [
                "content/data/coverage.yaml:20:7: warning: 东湖区建有党组织的户数减少：2025-12-31 为 20 户（覆盖率 20.0%），2026-06-30 为 14 户（覆盖率 14.0%）\n  hint: 核对东湖区各行的户数和单独建、联合建、挂靠建户数；数据无误时，该区须查明党组织减少的原因并补建"
            ]),
    ]

    @Test(arguments: fixtures)
    func reportsExactlyTheseDiagnostics(_ fixture: Fixture) async throws {
        let site = try InlineSite(fixture.changes)
        defer { site.remove() }
        #expect(await site.diagnostics() == fixture.expected)
    }

    @Test func acceptsAValidSnapshot() async throws {
        let site = try InlineSite(Self.coverage(Self.snapshot()))
        defer { site.remove() }
        #expect(await site.diagnostics().isEmpty)
    }
}
