import Content
import Core
import Foundation
import Import
import Testing

/// `portal import liaison`: a sheet of visits added to the liaison points' logs, each under its
/// point, without adding a visit already logged.
@Suite struct LiaisonImportTests {
    @Test func addsEachActivityUnderItsPointAndLeavesOneAlreadyLoggedAlone() async throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let before = try workspace.text("data/liaison.yaml")
        let plan = try workspace.run(workspace.request(.liaison, ImportWorkspace.fixtures.appendingPathComponent("liaison.xlsx")))
        #expect(plan.added == ["site-08 2026-04-09 党课", "site-07 2026-11-03 主题党日"])
        #expect(plan.unchanged == ["site-04 2026-03-12 调研"])

        let after = try workspace.text("data/liaison.yaml")
        #expect(after.count > before.count)
        #expect(
            after.contains(
                """
                      summary: 帮助三家入驻企业办理食品经营许可变更，解决跨区迁址难题
                    - date: 2026-11-03
                      kind: 主题党日
                      summary: "参加基地联合党支部主题党日，交流直播带货合规经验"
                      case: donghu-ecommerce-incubator
                - site: site-08

                """), "the activity is added at the end of its point's log, before the next point")
        #expect(after.hasSuffix("    - date: 2026-04-09\n      kind: 党课\n      summary: \"为汽修街党员技师讲“安全生产与诚信维修”党课\"\n"))

        let loaded = try await workspace.loader.load()
        let points = Dictionary(uniqueKeysWithValues: loaded.portal.liaison.map { ($0.siteID, $0) })
        #expect(points["site-07"]?.activities.last?.caseSlug == "donghu-ecommerce-incubator")
        #expect(points["site-08"]?.activities.contains { $0.date == Day(year: 2026, month: 4, day: 9) } == true)
        #expect(points["site-04"]?.activities.count == 4)
    }

    @Test func importingTheSameSheetTwiceAddsNothingTheSecondTime() throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let sheet = try workspace.file(
            "l.csv",
            "联系点,日期,类型,摘要\nsite-05,2026-10-20,解决困难,协调供电部门为夜市增设临时用电接口\n临江区沿江夜市党员服务点,2026年11月5日,调研,调研夜市冬季经营安排\n")
        let first = try workspace.run(workspace.request(.liaison, sheet))
        #expect(first.added.count == 2)
        let once = try workspace.text("data/liaison.yaml")
        let second = try workspace.run(workspace.request(.liaison, sheet))
        #expect(second.added.isEmpty)
        #expect(second.unchanged == ["site-05 2026-10-20 解决困难", "site-05 2026-11-05 调研"])
        #expect(second.changes.isEmpty)
        #expect(try workspace.text("data/liaison.yaml") == once)
    }

    @Test func startsTheLogOfAPointThatHasNoActivitiesYet() async throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let url = workspace.content.appendingPathComponent("data/liaison.yaml")
        let text = try workspace.text("data/liaison.yaml")
        let start = try #require(text.range(of: "- site: site-08\n"))
        try Data((text[..<start.lowerBound] + "- site: site-08\n  leader: {title: 副局长, name: 孙国强}\n").utf8).write(to: url)
        let sheet = try workspace.file("l.csv", "联系点,日期,类型,摘要\nsite-08,2026-04-09,调研,调研汽修街废机油回收情况\n")
        try workspace.run(workspace.request(.liaison, sheet))
        #expect(
            try workspace.text("data/liaison.yaml").hasSuffix(
                "  leader: {title: 副局长, name: 孙国强}\n  activities:\n    - date: 2026-04-09\n      kind: 调研\n      summary: 调研汽修街废机油回收情况\n"
            ))
        let loaded = try await workspace.loader.load()
        #expect(loaded.portal.liaison.first { $0.siteID == "site-08" }?.activities.count == 1)
    }

    @Test func refusesAPointWithoutALeaderInTheFileAndWritesNothing() throws {
        let workspace = try ImportWorkspace()
        defer { workspace.remove() }
        let url = workspace.content.appendingPathComponent("data/liaison.yaml")
        let text = try workspace.text("data/liaison.yaml")
        let start = try #require(text.range(of: "- site: site-08\n"))
        let without = String(text[..<start.lowerBound])
        try Data(without.utf8).write(to: url)
        let sheet = try workspace.file("l.csv", "联系点,日期,类型,摘要\nsite-08,2026-04-09,调研,调研汽修街\nsite-04,2026-04-10,调研,走访商户\n")
        let problems = workspace.problems(workspace.request(.liaison, sheet))
        #expect(
            problems.map(\.description) == [
                """
                l.csv:2:1: error: 第 2 行“联系点”列：联系点 'site-08'（南浦区车站南路汽修街党员联系点）在 liaison.yaml 中还没有记录
                  hint: 先在 data/liaison.yaml 中加一条 - site: site-08，写上联系领导（leader），再导入活动
                """
            ])
        #expect(try workspace.text("data/liaison.yaml") == without)
    }
}
