import Core

/// The figures of the targets dashboard (目标进度), computed from the portal on the day of the
/// build: progress and pace toward each target of `portal.yaml`, demonstration sites and liaison points by district, the 六有
/// standard by site and by district, cases by district and by year, and the training courses.
/// Each table is what the bureau reports upward (汇总报送): the dashboard shows it with a chart
/// and offers it as a spreadsheet.
public struct Dashboard: Sendable {
    public struct Table: Sendable, Equatable {
        /// The table's name in addresses: its spreadsheet is `dashboard/<id>.csv`.
        public var id: String
        public var title: String
        /// What the table means, in a sentence; shown under its title.
        public var note: String
        public var columns: [String]
        /// One row per item; numbers written as digits.
        public var rows: [[String]]
        /// The chart drawn from the table, if any.
        public var chart: Chart?

        public init(id: String, title: String, note: String, columns: [String], rows: [[String]], chart: Chart?) {
            self.id = id
            self.title = title
            self.note = note
            self.columns = columns
            self.rows = rows
            self.chart = chart
        }
    }

    /// Horizontal bars per row: the row's first cell labels it, each of `valueColumns` gives
    /// one bar (a series, named by its column), and `target` draws a line at the value each
    /// bar of the first series should reach.
    public struct Chart: Sendable, Equatable {
        public var valueColumns: [Int]
        public var target: Int?
        public var targetLabel: String
        /// The unit after each value: `%` for rates, empty for counts.
        public var unit: String

        public init(valueColumns: [Int], target: Int?, targetLabel: String, unit: String) {
            self.valueColumns = valueColumns
            self.target = target
            self.targetLabel = targetLabel
            self.unit = unit
        }

        public init(valueColumn: Int, target: Int?, targetLabel: String, unit: String) {
            self.init(valueColumns: [valueColumn], target: target, targetLabel: targetLabel, unit: unit)
        }
    }

    /// Progress toward one target: the figures of the dashboard's tiles, its targets table and
    /// the home page.
    public struct Progress: Sendable, Equatable {
        public var label: String
        public var current: Int
        public var target: Int
        /// After the figures: `个`, `个区`, `人`.
        public var unit: String
        /// What falls short, named: the districts without enough demonstration sites.
        public var note: String?
        public var start: Day?
        public var deadline: Day?
        /// Where the target stands on the day the dashboard was made.
        public var pace: TargetPace

        public init(
            label: String, current: Int, target: Int, unit: String, note: String? = nil, start: Day? = nil,
            deadline: Day? = nil, today: Day
        ) {
            self.label = label
            self.current = current
            self.target = target
            self.unit = unit
            self.note = note
            self.start = start
            self.deadline = deadline
            self.pace = TargetPace(current: current, goal: target, start: start, deadline: deadline, today: today)
        }

        /// `current` as a whole percentage of `target`, at most 100.
        public var percent: Int { target > 0 ? min(100, current * 100 / target) : 0 }
        public var isMet: Bool { current >= target }

        /// What the tile says under its figures: how many are still needed, or none.
        public var shortfall: String { isMet ? "已完成" : "还差 \(target - current) \(unit)" }

        var row: [String] {
            [
                label, "\(current)", "\(target)", "\(percent)%", deadline?.chinese ?? "—",
                pace.status.rawValue + (isMet ? "" : "，" + shortfall),
            ]
        }
    }

    /// Progress toward each target `portal.yaml` sets, in the order of the targets table.
    public let progress: [Progress]
    public let tables: [Table]
    /// The day the figures are as of: the day of the build. The lists of sites, members and
    /// classes carry no dates of their own (a site has only its year), so what they say is
    /// what was true when the portal was built, and the pace is measured on that day too.
    public let asOf: Day
    /// Every district's figures, the largest gap first.
    public let districtsByGap: [DistrictFigures]

    public init(index: PortalIndex, today: Day) {
        let portal = index.portal
        let config = portal.config
        let targets = config.targets
        let demonstration = portal.sites.filter { $0.kind == .demonstration }
        let liaison = portal.sites.filter { $0.kind == .liaison }
        let figures = DistrictFigures.all(index)
        var tables: [Table] = []
        asOf = today
        districtsByGap = DistrictFigures.rankedByGap(figures)

        var progress: [Progress] = []
        if let total = targets.demonstrationSitesTotal {
            progress.append(
                Progress(
                    label: "示范点", current: demonstration.count, target: total, unit: "个",
                    start: targets.demonstrationSitesStart, deadline: targets.demonstrationSitesDeadline, today: today))
        }
        if let perDistrict = targets.demonstrationSitesPerDistrict {
            let short = figures.filter { $0.gap > 0 }
            progress.append(
                Progress(
                    label: "每区至少\(perDistrict)个示范点", current: figures.count - short.count, target: figures.count,
                    unit: "个区", note: short.isEmpty ? nil : "尚未达标：" + short.map(\.district.name).joined(separator: "、"),
                    start: targets.demonstrationSitesStart, deadline: targets.demonstrationSitesDeadline, today: today))
        }
        if let minimum = targets.liaisonPointsMinimum {
            progress.append(
                Progress(
                    label: "联系点", current: liaison.count, target: minimum, unit: "个", start: targets.liaisonPointsStart,
                    deadline: targets.liaisonPointsDeadline, today: today))
        }
        if !portal.sites.isEmpty {
            let complete = portal.sites.count(where: \.liuyou.isComplete)
            progress.append(
                Progress(label: "“六有”全部达标的站点", current: complete, target: portal.sites.count, unit: "个", today: today))
        }
        if let heads = targets.trainingOrgHeads {
            let years = targets.trainingRotationYears
            let sessions = Self.sessionsInRotation(portal.training, years: years, start: targets.trainingStart, today: today)
            let trained = sessions.reduce(0) { $0 + $1.orgHeads }
            let label = years.map { "党组织书记轮训（\($0)年一轮）" } ?? "党组织书记轮训"
            progress.append(
                Progress(
                    label: label, current: trained, target: heads, unit: "人", start: targets.trainingStart,
                    deadline: targets.trainingDeadline, today: today))
        }
        self.progress = progress
        if !progress.isEmpty {
            tables.append(
                Table(
                    id: "targets", title: "目标完成情况",
                    note: "完成率为当前数与目标数之比；进度按开始日期到截止日期的时间过去了多少计算，落后超过目标数的 5% 即为落后于进度。",
                    columns: ["指标", "当前", "目标", "完成率", "截止日期", "进度"], rows: progress.map(\.row),
                    chart: Chart(valueColumn: 3, target: 100, targetLabel: "100%", unit: "%")))
        }

        let perDistrict = targets.demonstrationSitesPerDistrict
        tables.append(
            Table(
                id: "sites-by-district", title: "各区示范点与联系点",
                note: perDistrict.map { "每区至少 \($0) 个示范点；差额为还需建设的示范点数，差额大的区排在前面。" } ?? "各区已建的示范点与联系点。",
                columns: ["区", "示范点", "联系点", "示范点最低要求", "差额"],
                rows: districtsByGap.map { row in
                    [
                        row.district.name, "\(row.demonstrationSites)", "\(row.liaisonPoints)",
                        perDistrict.map(String.init) ?? "", perDistrict.map { _ in "\(row.gap)" } ?? "",
                    ]
                },
                chart: Chart(
                    valueColumns: [1, 2], target: perDistrict, targetLabel: perDistrict.map { "示范点最低 \($0) 个" } ?? "",
                    unit: "")
            ))

        let sitesByDistrict = Dictionary(grouping: portal.sites, by: \.district.slug)
        tables.append(
            Table(
                id: "liuyou-by-district", title: "各区“六有”落实情况",
                note: "“六有”：有场所、有设施、有标志、有党旗、有书报、有制度；达标率为六项全部落实的站点所占比例。",
                columns: ["区", "站点", "六项全部落实", "达标率"],
                rows: config.districts.map { district in
                    let sites = sitesByDistrict[district.slug] ?? []
                    let complete = sites.count(where: \.liuyou.isComplete)
                    return [district.name, "\(sites.count)", "\(complete)", Self.percent(complete, of: sites.count)]
                },
                chart: Chart(valueColumn: 3, target: 100, targetLabel: "100%", unit: "%")))

        tables.append(
            Table(
                id: "liuyou-by-site", title: "各站点“六有”落实情况", note: "✓ 为已落实，✗ 为未落实。",
                columns: ["站点", "类型", "区"] + LiuyouChecklist.items.map { "有\($0)" } + ["落实项数"],
                rows: portal.sites.map { site in
                    [site.name, site.kind.rawValue, site.district.name] + site.liuyou.met.map { $0 ? "✓" : "✗" }
                        + ["\(site.liuyou.metCount)/\(LiuyouChecklist.items.count)"]
                }, chart: nil))

        tables.append(
            Table(
                id: "cases-by-district", title: "各区发布的典型案例", note: "已发布的案例，按区和类别统计。",
                columns: ["区"] + config.categories.map(\.name) + ["合计"],
                rows: config.districts.map { district in
                    let cases = index.casesByDistrict[district.slug] ?? []
                    let byCategory = config.categories.map { category in
                        "\(cases.count { $0.category == category })"
                    }
                    return [district.name] + byCategory + ["\(cases.count)"]
                },
                chart: Chart(valueColumn: config.categories.count + 1, target: nil, targetLabel: "", unit: "")))

        tables.append(
            Table(
                id: "cases-by-year", title: "各年发布的典型案例", note: "已发布的案例，按案例日期的年份统计。",
                columns: ["年份", "案例"],
                rows: index.years.sorted().map { ["\($0)年", "\(index.casesByYear[$0]?.count ?? 0)"] },
                chart: Chart(valueColumn: 1, target: nil, targetLabel: "", unit: "")))

        if !portal.training.isEmpty {
            tables += Self.trainingTables(portal.training, districts: config.districts)
        }

        let rotation = targets.trainingRotationYears.map { "每名党组织书记 \($0) 年内轮训一遍。" } ?? ""
        let sessionsByCourse = Dictionary(grouping: portal.training, by: \.course)
        tables.append(
            Table(
                id: "courses", title: "轮训课程", note: rotation + "已发布的培训课程，及其学时和所用案例。",
                columns: ["课程", "日期", "主讲", "学时", "对象", "所用案例", "开班期数"],
                rows: portal.courses.map { course in
                    [
                        course.title, course.date.chinese, course.trainer, Course.hours(course.hours), course.audience,
                        "\(course.caseSlugs.count)", "\(sessionsByCourse[course.slug]?.count ?? 0)",
                    ]
                },
                chart: nil))
        self.tables = tables
    }

    /// The classes of the current rotation: those from its start to `today` when it has a
    /// start; else those within `years` of the newest class (all of them without a rotation
    /// period), which keeps the figures the same however often the portal is built.
    public static func sessionsInRotation(
        _ sessions: [TrainingSession], years: Int?, start: Day? = nil, today: Day? = nil
    ) -> [TrainingSession] {
        if let start {
            return sessions.filter { session in session.date >= start && today.map { session.date <= $0 } ?? true }
        }
        guard let years, let newest = sessions.map(\.date).max() else { return sessions }
        let start =
            Day(year: newest.year - years, month: newest.month, day: newest.day)
            ?? Day(year: newest.year - years, month: newest.month, day: 28)!
        return sessions.filter { $0.date > start }
    }

    /// Classes, trainees and party-organization heads trained, by district and by year.
    private static func trainingTables(_ sessions: [TrainingSession], districts: [Taxon]) -> [Table] {
        func figures(_ sessions: [TrainingSession]) -> [String] {
            ["\(sessions.count)", "\(sessions.reduce(0) { $0 + $1.trainees })", "\(sessions.reduce(0) { $0 + $1.orgHeads })"]
        }
        let byDistrict = Dictionary(grouping: sessions, by: \.district.slug)
        let byYear = Dictionary(grouping: sessions, by: \.date.year)
        let chart = Chart(valueColumn: 3, target: nil, targetLabel: "", unit: "人")
        return [
            Table(
                id: "training-by-district", title: "各区轮训情况", note: "按各期培训班的举办地统计。",
                columns: ["区", "期数", "参训人次", "其中党组织书记"],
                rows: districts.map { [$0.name] + figures(byDistrict[$0.slug] ?? []) }, chart: chart),
            Table(
                id: "training-by-year", title: "各年轮训情况", note: "按培训班的开班日期统计。",
                columns: ["年份", "期数", "参训人次", "其中党组织书记"],
                rows: byYear.keys.sorted().map { ["\($0)年"] + figures(byYear[$0]!) }, chart: chart),
        ]
    }

    /// `current` as a whole percentage of `total`, at most 100%: `67%`.
    static func percent(_ current: Int, of total: Int) -> String {
        guard total > 0 else { return "0%" }
        return "\(min(100, current * 100 / total))%"
    }
}
