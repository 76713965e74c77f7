import Core

/// The summary tables (汇总表) a bureau reports upward for one period, a year: coverage, sites,
/// liaison duties, training, cases and assessment scores, each a table with Chinese headers and
/// typed cells, so that the workbook holds numbers as numbers (`portal report`).
public struct SummaryReport: Sendable {
    public struct Table: Sendable, Equatable {
        /// The sheet's name: short, as a tab shows it.
        public var name: String
        public var columns: [String]
        public var rows: [[Value]]
    }

    public enum Value: Sendable, Equatable {
        case text(String)
        case number(Double)
        /// A share from 0 to 1, shown as a percentage.
        case percent(Double)
        case date(Day)

        public static func count(_ value: Int) -> Value { .number(Double(value)) }

        /// The cell as a CSV file writes it: `12`, `27.5`, `35.2%`, `2026-05-12`.
        public var text: String {
            switch self {
            case .text(let text): return text
            case .number(let number): return Scorecard.points(number)
            case .percent(let share): return Scorecard.points(share * 100) + "%"
            case .date(let day): return day.description
            }
        }
    }

    public var period: Int
    public var tables: [Table]

    public init(portal: Portal, period: Int) {
        self.period = period
        tables = [
            Self.coverage(portal, period: period), Self.sites(portal, period: period), Self.liaison(portal, period: period),
            Self.training(portal, period: period),
            Self.cases(portal, period: period),
        ]
        if let scores = Self.scores(portal, period: period) { tables.append(scores) }
    }

    /// The newest 两个覆盖 snapshot of the period, a row per district and category and the city's
    /// total; empty when the period has none.
    static func coverage(_ portal: Portal, period: Int) -> Table {
        let columns = [
            "截至", "区", "类别", "市场主体户数", "单独建", "联合建", "挂靠建", "建有党组织户数", "组织覆盖率", "党建指导员覆盖户数",
            "工作覆盖率", "有党员户数", "党员人数",
        ]
        guard let snapshot = portal.coverage.filter({ $0.asOf.year == period }).max(by: { $0.asOf < $1.asOf }) else {
            return Table(name: "两个覆盖", columns: columns, rows: [])
        }
        func cells(_ counts: CoverageCounts) -> [Value] {
            [
                .count(counts.entities), .count(counts.standalone), .count(counts.joint), .count(counts.affiliated),
                .count(counts.organized), counts.organizationRate.map(Value.percent) ?? .text("—"), .count(counts.instructed),
                counts.workRate.map(Value.percent) ?? .text("—"), .count(counts.withMembers), .count(counts.members),
            ]
        }
        var rows: [[Value]] = snapshot.rows.map { row in
            [.date(snapshot.asOf), .text(row.district.name), .text(row.category.name)] + cells(row.counts)
        }
        rows.append([.date(snapshot.asOf), .text("全市合计"), .text("")] + cells(snapshot.total))
        return Table(name: "两个覆盖", columns: columns, rows: rows)
    }

    /// The demonstration sites and liaison points set up by the end of the period.
    static func sites(_ portal: Portal, period: Int) -> Table {
        Table(
            name: "示范点和联系点",
            columns: ["编号", "名称", "类型", "区", "类别", "建成年份", "党组织", "六有达标项数", "六有全部达标"],
            rows: portal.sites.filter { $0.since <= period }.map { site in
                [
                    .text(site.id), .text(site.name), .text(site.kind.rawValue), .text(site.district.name),
                    .text(site.category.name), .count(site.since), .text(site.organization), .count(site.liuyou.metCount),
                    .text(site.liuyou.isComplete ? "是" : "否"),
                ]
            })
    }

    /// Each liaison point's duties in the period: how many activities of each duty.
    static func liaison(_ portal: Portal, period: Int) -> Table {
        Table(
            name: "联系点履职",
            columns: ["联系点", "区", "联系领导"] + LiaisonDuties.required.map { "\($0.name)（次）" } + ["三项职责全部履行", "最近一次活动"],
            rows: LiaisonDuties.all(portal, year: period).map { duties in
                let leader = duties.point.map { "\($0.leader.title) \($0.leader.name)" } ?? "未登记"
                let counts = LiaisonDuties.required.map { duty in
                    Value.count(duties.activities.count { duty.kinds.contains($0.kind) })
                }
                let latest = duties.activities.last.map { Value.date($0.date) } ?? .text("无")
                return [.text(duties.site.name), .text(duties.site.district.name), .text(leader)] + counts + [
                    .text(duties.allMet ? "是" : "否"), latest,
                ]
            })
    }

    /// The training classes of the period, and their total.
    static func training(_ portal: Portal, period: Int) -> Table {
        let titles = Dictionary(portal.courses.map { ($0.slug, $0.title) }, uniquingKeysWith: { first, _ in first })
        let sessions = portal.training.filter { $0.date.year == period }
        var rows: [[Value]] = sessions.map { session in
            [
                .date(session.date), .text(session.district.name), .text(titles[session.course] ?? session.course),
                .count(session.trainees), .count(session.orgHeads),
            ]
        }
        rows.append([
            .text("合计"), .text(""), .text("\(sessions.count) 期"), .count(sessions.reduce(0) { $0 + $1.trainees }),
            .count(sessions.reduce(0) { $0 + $1.orgHeads }),
        ])
        return Table(name: "教育培训", columns: ["开班日期", "区", "课程", "参训人数", "其中党组织书记"], rows: rows)
    }

    /// The published cases dated in the period, by district and category.
    static func cases(_ portal: Portal, period: Int) -> Table {
        let config = portal.config
        let cases = portal.cases.filter { $0.date.year == period && $0.publication.status == .published }
        var rows: [[Value]] = config.districts.map { district in
            let own = cases.filter { $0.district == district }
            return [.text(district.name)] + config.categories.map { category in .count(own.count { $0.category == category }) }
                + [.count(own.count)]
        }
        rows.append(
            [.text("合计")] + config.categories.map { category in .count(cases.count { $0.category == category }) } + [
                .count(cases.count)
            ])
        return Table(name: "典型案例", columns: ["区"] + config.categories.map(\.name) + ["合计"], rows: rows)
    }

    /// The period's assessment scores, ranked; nil when the period was not scored.
    static func scores(_ portal: Portal, period: Int) -> Table? {
        guard let scheme = portal.assessment, let (_, cards) = Scorecard.all(portal).first(where: { $0.year == period })
        else { return nil }
        return Table(
            name: "考核得分",
            columns: ["排名", "区"] + scheme.dimensions.map { "\($0.name)（\($0.weight)分）" } + ["总分"],
            rows: cards.map { card in
                [.count(card.rank), .text(card.district.name)] + card.items.map { .number($0.score) } + [.number(card.total)]
            })
    }
}
