import Content
import Foundation
import Model
import Testing

/// `data/assessment.yaml`: one broken scheme per error message, with its exact diagnostics,
/// and what a valid one decodes to.
@Suite struct AssessmentFixtureTests {
    /// Two hand-scored districts; the weights add up to 100 (lines 3, 7 and 11).
    static let scheme = """
        dimensions:
          - name: 体制机制
            weight: 40
            measure: 手工打分
            basis: 考核组评定
          - name: 典型示范
            weight: 30
            measure: 示范点数
            basis: 年末的示范点数
          - name: 教育培训
            weight: 30
            measure: 轮训书记人数
            target: 30
            basis: 当年轮训的书记人数
        scores:
          - {year: 2025, district: 东湖区, 体制机制: 30}
          - {year: 2025, district: 西津区, 体制机制: 35.5}

        """

    static func fixture(_ name: String, _ edit: (String) -> String, _ expected: [String]) -> ErrorFixtureTests.Fixture {
        let text = edit(scheme)
        precondition(text != scheme, "the fixture \(name) changes the scheme")
        return ErrorFixtureTests.Fixture(name, ["data/assessment.yaml": text], expected)
    }

    static let fixtures: [ErrorFixtureTests.Fixture] = [
        fixture(
            "weightsThatDoNotAddUpTo100", { $0.replacingOccurrences(of: "weight: 40", with: "weight: 35") },
            [
                "content/data/assessment.yaml:2:3: error: 考核各项权重合计 95，应为 100（体制机制 35、典型示范 30、教育培训 30）\n  hint: 调整各项的 weight，使合计为 100"
            ]),
        fixture(
            "anUnknownMeasure", { $0.replacingOccurrences(of: "measure: 示范点数", with: "measure: 示范点") },
            [
                "content/data/assessment.yaml:8:14: error: 未知的计分方式 '示范点'\n  hint: measure 写 手工打分、组织覆盖率、示范点数、轮训书记人数、发布案例数 之一"
            ]),
        fixture(
            "aComputedMeasureWithoutTarget", { $0.replacingOccurrences(of: "    target: 30\n", with: "") },
            [
                "content/data/assessment.yaml:10:5: error: 考核项目 '教育培训' 按轮训书记人数计分，缺少 target\n  hint: 加一行 target: …，写达到多少人得满分"
            ]),
        fixture(
            "aTargetOnAHandScoredDimension",
            { $0.replacingOccurrences(of: "measure: 手工打分\n", with: "measure: 手工打分\n    target: 5\n") },
            [
                "content/data/assessment.yaml:5:13: error: 手工打分的考核项目不写 target\n  hint: target 只用于由门户数据计算的项目；删掉这一行"
            ]),
        fixture(
            "aCoverageTargetOver100",
            {
                $0.replacingOccurrences(of: "measure: 轮训书记人数\n    target: 30", with: "measure: 组织覆盖率\n    target: 120")
            },
            [
                "content/data/assessment.yaml:13:13: error: 组织覆盖率的 target 是百分数，120 超过 100\n  hint: 写覆盖率达到多少（%）得满分，如 target: 60"
            ]),
        fixture(
            "aDimensionTwice", { $0.replacingOccurrences(of: "name: 教育培训", with: "name: 典型示范") },
            [
                "content/data/assessment.yaml:10:11: error: 考核项目 '典型示范' 重复，第一次出现在第 6 行\n  hint: 每个考核项目只写一次"
            ]),
        fixture(
            "aScoreOverItsWeight", { $0.replacingOccurrences(of: "体制机制: 35.5", with: "体制机制: 45") },
            [
                "content/data/assessment.yaml:17:39: error: '体制机制' 得分 45 超过该项权重 40\n  hint: 得分在 0 到 40 之间"
            ]),
        fixture(
            "aComputedDimensionScoredByHand",
            { $0.replacingOccurrences(of: "体制机制: 30}", with: "体制机制: 30, 教育培训: 20}") },
            [
                "content/data/assessment.yaml:16:49: error: '教育培训' 由门户按轮训书记人数计算，不手工录入\n  hint: 删掉这一行；要手工打分，把该项目的 measure 改为 手工打分"
            ]),
        fixture(
            "aDistrictScoredTwiceInAYear", { $0.replacingOccurrences(of: "district: 西津区", with: "district: 东湖区") },
            [
                "content/data/assessment.yaml:17:28: error: 东湖区 2025 年的考核分数重复，第一次出现在第 16 行\n  hint: 每区每年只写一条"
            ]),
        fixture(
            "aYearNotYetOver", { $0.replacingOccurrences(of: "year: 2025, district: 西津区", with: "year: 2027, district: 西津区") },
            [
                "content/data/assessment.yaml:17:12: error: 考核年度 2027 晚于今年（2026）\n  hint: 只录入已经开展的考核"
            ]),
        fixture(
            "aYearWithoutEveryDistrict",
            { $0.replacingOccurrences(of: "  - {year: 2025, district: 西津区, 体制机制: 35.5}\n", with: "") },
            [
                "content/data/assessment.yaml:16:5: error: 2025 年缺少 西津区 的考核分数\n  hint: 每个区都要有一条 - year: 2025，否则排名不完整"
            ]),
        fixture(
            "aHandScoreLeftOut", { $0.replacingOccurrences(of: ", 体制机制: 35.5", with: "") },
            [
                "content/data/assessment.yaml:17:5: error: 考核分数缺少必填项 '体制机制'\n  hint: 加一行 '体制机制: …'"
            ]),
        fixture(
            "anUnknownDistrict", { $0.replacingOccurrences(of: "district: 西津区", with: "district: 西津") },
            [
                "content/data/assessment.yaml:17:28: error: 未知的区 '西津'\n  hint: 是不是 '西津区'？"
            ]),
    ]

    @Test(arguments: fixtures)
    func reportsExactlyTheseDiagnostics(_ fixture: ErrorFixtureTests.Fixture) async throws {
        let site = try InlineSite(fixture.changes)
        defer { site.remove() }
        let diagnostics = await site.diagnostics()
        #expect(diagnostics == fixture.expected, "\(diagnostics)")
    }

    @Test func readsTheSchemeAndTheScoresAndTakesTheSiteTargetFromPortalYAML() async throws {
        let site = try InlineSite(["data/assessment.yaml": Self.scheme])
        defer { site.remove() }
        let scheme = try #require(try await site.load().portal.assessment)
        #expect(scheme.dimensions.map(\.name) == ["体制机制", "典型示范", "教育培训"])
        #expect(scheme.dimensions.map(\.target) == [nil, 3, 30], "the demonstration sites' target is portal.yaml's per district")
        #expect(scheme.entries.map(\.scores) == [["体制机制": 30], ["体制机制": 35.5]])
        #expect(scheme.years == [2025])
    }
}
