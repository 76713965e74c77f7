import Core
import Model
import Testing

@Suite struct DashboardTests {
    static let portal: Portal = {
        var portal = PortalIndexTests.portal
        portal.config.targets = Targets(
            demonstrationSitesTotal: 50, demonstrationSitesPerDistrict: 1,
            demonstrationSitesDeadline: Day(parsing: "2027-12-31"), liaisonPointsMinimum: 10, trainingRotationYears: 5)
        portal.sites.append(
            Site(
                id: "s2", name: "西津\"联系点\",二号", kind: .liaison, district: PortalIndexTests.xijin,
                category: PortalIndexTests.shop, address: "", since: 2022, organization: "",
                liuyou: LiuyouChecklist(met: Array(repeating: true, count: 6)), source: SourceLocation(path: "sites.yaml")))
        return portal
    }()

    static let today = Day(parsing: "2026-01-01")!

    func table(_ id: String) throws -> Dashboard.Table {
        try #require(Dashboard(index: PortalIndex(Self.portal), today: Self.today).tables.first { $0.id == id })
    }

    @Test func measuresEachTargetAndSaysWhatIsShort() throws {
        let targets = try table("targets")
        #expect(targets.columns == ["指标", "当前", "目标", "完成率", "截止日期", "进度"])
        #expect(
            targets.rows == [
                ["示范点", "1", "50", "2%", "2027年12月31日", "未达标，还差 49 个"],
                ["每区至少1个示范点", "1", "2", "50%", "2027年12月31日", "未达标，还差 1 个区"],
                ["联系点", "1", "10", "10%", "—", "未达标，还差 9 个"],
                ["“六有”全部达标的站点", "1", "2", "50%", "—", "未达标，还差 1 个"],
            ])
        #expect(targets.chart?.target == 100)
    }

    @Test func countsSitesAndShortfallsByDistrict() throws {
        let sites = try table("sites-by-district")
        #expect(sites.rows == [["西津区", "0", "1", "1", "1"], ["东湖区", "1", "0", "1", "0"]], "the largest gap first")
        #expect(sites.chart == Dashboard.Chart(valueColumns: [1, 2], target: 1, targetLabel: "示范点最低 1 个", unit: ""))
    }

    @Test func measuresTheLiuyouStandardBySiteAndByDistrict() throws {
        #expect(try table("liuyou-by-district").rows == [["东湖区", "1", "0", "0%"], ["西津区", "1", "1", "100%"]])
        let bySite = try table("liuyou-by-site")
        #expect(bySite.columns.count == 3 + 6 + 1)
        #expect(bySite.rows.first == ["s1", "示范点", "东湖区", "✓", "✓", "✓", "✓", "✓", "✗", "5/6"])
    }

    @Test func countsPublishedCasesByDistrictCategoryAndYear() throws {
        let byDistrict = try table("cases-by-district")
        #expect(byDistrict.columns == ["区", "专业市场", "个体工商户", "合计"])
        #expect(byDistrict.rows == [["东湖区", "2", "0", "2"], ["西津区", "1", "1", "2"]])
        #expect(try table("cases-by-year").rows == [["2023年", "1"], ["2024年", "2"], ["2025年", "1"]])
        let courses = try table("courses")
        #expect(courses.note.hasPrefix("每名党组织书记 5 年内轮训一遍。"))
        #expect(courses.rows == [["k", "2025年6月1日", "", "2", "", "2", "0"]])
    }

    @Test func countsTheTrainingOfTheLastRotation() throws {
        var portal = Self.portal
        portal.config.targets.trainingOrgHeads = 100
        portal.config.targets.trainingRotationYears = 2
        func session(_ date: String, _ district: Taxon, _ trainees: Int, _ heads: Int) -> TrainingSession {
            TrainingSession(
                course: "k", date: Day(parsing: date)!, district: district, trainees: trainees, orgHeads: heads,
                source: SourceLocation(path: "training.yaml"))
        }
        portal.training = [
            session("2022-05-01", PortalIndexTests.donghu, 50, 40),  // before the last two years: not counted
            session("2023-06-02", PortalIndexTests.donghu, 30, 20),
            session("2025-06-01", PortalIndexTests.xijin, 25, 15),
        ]
        let tables = Dashboard(index: PortalIndex(portal), today: Self.today).tables
        let targets = try #require(tables.first { $0.id == "targets" })
        #expect(targets.rows.last == ["党组织书记轮训（2年一轮）", "35", "100", "35%", "—", "未达标，还差 65 人"])
        let byDistrict = try #require(tables.first { $0.id == "training-by-district" })
        #expect(byDistrict.rows == [["东湖区", "2", "80", "60"], ["西津区", "1", "25", "15"]])
        let byYear = try #require(tables.first { $0.id == "training-by-year" })
        #expect(byYear.rows.map { $0.first } == ["2022年", "2023年", "2025年"])
        #expect(tables.first { $0.id == "courses" }?.rows.first?.last == "3", "the classes of each course")
    }

    @Test func leavesOutTargetsThePortalDoesNotSet() throws {
        var portal = Self.portal
        portal.config.targets = Targets()
        portal.sites = []
        let tables = Dashboard(index: PortalIndex(portal), today: Self.today).tables
        #expect(!tables.contains { $0.id == "targets" })
        #expect(tables.first { $0.id == "sites-by-district" }?.chart?.target == nil)
    }
}
