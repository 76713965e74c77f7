import Content
import Foundation
import Model

/// What an import reads into one of the data files: the fields of its records, the column
/// headers that stand for each, and how a cell becomes the field's YAML value. The decoders
/// (`MemberDecoder`, `SiteDecoder`) stay the judges of the values; this only says where they
/// come from.
public struct RecordSchema: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case members
        case sites
        case liaison
        /// The counts of one coverage snapshot, by district and category.
        case coverage
        /// The named clusters of one coverage snapshot.
        case clusters
        /// The assessment's hand-entered scores, by year and district.
        case scores
    }

    /// How a cell's value is written into YAML.
    enum ValueKind: Sendable, Equatable {
        /// Free text, written in double quotes.
        case text
        /// A name matched by computers (an id, a district): plain when YAML reads it as text.
        case name
        /// A year, which a spreadsheet may hold as a number, a date or text such as 2008年5月.
        case year
        /// A day, which a spreadsheet may hold as a date, a number or text such as 2026年3月12日.
        case day
        /// Digits that are text (a phone or ID number), which Excel may have stored as a number.
        case digits
        /// The 六有 items met, listed in one cell: `场所、设施、标志`.
        case liuyouList
        /// One 六有 item, 是 or 否.
        case liuyouItem(String)
        /// A count or a score, written as a number; `1,234` and `1 234` lose their separators.
        case number
        /// Yes or no (是/否, √/×), written as true or false.
        case flag
    }

    struct Field: Sendable {
        /// The key in the YAML record; for a 六有 item, `liuyou`.
        var key: String
        /// What the column is called in messages and lists.
        var label: String
        var headers: [String]
        var value: ValueKind
        /// A column the import cannot do without.
        var required: Bool
    }

    public let kind: Kind
    let fields: [Field]
    let dataFile: ContentLoader.DataFile
    /// The data file, relative to the content folder: `data/coverage.yaml`.
    public var dataPath: String { dataFile.rawValue }
    /// Fields a row without an id is matched on against the records already in the file.
    let matchKeys: [String]
    let idPrefix: String
    let idWidth: Int
    /// Headers of values the portal computes itself (an assessment dimension scored from the
    /// data): the column is left out, with a warning saying why.
    var computedHeaders: [String] = []

    public static func schema(for kind: Kind) -> RecordSchema {
        switch kind {
        case .members: members
        case .sites: sites
        case .liaison: liaison
        case .coverage: coverage
        case .clusters: clusters
        case .scores: scores(manualDimensions: [])
        }
    }

    static let members = RecordSchema(
        kind: .members,
        fields: [
            Field(key: "id", label: "编号", headers: ["编号", "ID", "党员编号", "经营户编号"], value: .name, required: false),
            Field(key: "name", label: "姓名", headers: ["姓名", "党员姓名", "经营者姓名", "经营者"], value: .text, required: true),
            Field(key: "shop", label: "店铺", headers: ["店铺", "店铺名称", "商户名称", "商铺名称", "字号"], value: .text, required: true),
            Field(key: "district", label: "所属区", headers: ["所属区", "区", "所在区", "辖区"], value: .name, required: true),
            Field(
                key: "site", label: "所属站点", headers: ["所属站点", "示范点", "所属示范点", "联系点", "站点编号"], value: .name,
                required: true),
            Field(key: "joined", label: "入党时间", headers: ["入党时间", "加入时间", "入党年份"], value: .year, required: true),
            Field(key: "commitment", label: "承诺", headers: ["承诺", "承诺事项", "公开承诺"], value: .text, required: false),
            Field(key: "phone", label: "联系电话", headers: ["联系电话", "手机号", "手机号码", "手机", "电话"], value: .digits, required: false),
            Field(key: "id_number", label: "身份证号", headers: ["身份证号", "身份证号码", "公民身份号码"], value: .digits, required: false),
            Field(key: "note", label: "备注", headers: ["备注"], value: .text, required: false),
        ],
        dataFile: .members, matchKeys: ["name", "shop"], idPrefix: "m-", idWidth: 3)

    static let sites = RecordSchema(
        kind: .sites,
        fields: [
            Field(key: "id", label: "编号", headers: ["编号", "ID", "站点编号"], value: .name, required: false),
            Field(key: "name", label: "名称", headers: ["名称", "站点名称", "示范点名称", "联系点名称"], value: .text, required: true),
            Field(key: "kind", label: "类型", headers: ["类型", "站点类型"], value: .name, required: true),
            Field(key: "district", label: "所属区", headers: ["所属区", "区", "所在区", "辖区"], value: .name, required: true),
            Field(key: "category", label: "类别", headers: ["类别", "行业类别", "所属类别"], value: .name, required: true),
            Field(key: "address", label: "地址", headers: ["地址", "详细地址"], value: .text, required: false),
            Field(key: "since", label: "设立年份", headers: ["设立年份", "设立时间", "建立时间", "成立时间"], value: .year, required: true),
            Field(key: "organization", label: "党组织", headers: ["党组织", "党组织名称"], value: .text, required: false),
            Field(key: "liuyou", label: "六有", headers: ["六有", "六有落实情况"], value: .liuyouList, required: false),
        ]
            + LiuyouChecklist.items.map { item in
                Field(key: "liuyou", label: item, headers: [item, "有\(item)"], value: .liuyouItem(item), required: false)
            },
        dataFile: .sites, matchKeys: ["name"], idPrefix: "site-", idWidth: 2)

    /// Activities of the liaison log: a row is one visit, added under its liaison point, which
    /// the sheet names by its id or its exact name.
    static let liaison = RecordSchema(
        kind: .liaison,
        fields: [
            Field(key: "site", label: "联系点", headers: ["联系点", "联系点编号", "联系点名称", "站点编号"], value: .name, required: true),
            Field(key: "date", label: "日期", headers: ["日期", "活动日期", "时间"], value: .day, required: true),
            Field(key: "kind", label: "类型", headers: ["类型", "活动类型"], value: .name, required: true),
            Field(key: "summary", label: "摘要", headers: ["摘要", "内容", "活动内容", "活动摘要"], value: .text, required: true),
            Field(key: "case", label: "案例", headers: ["案例", "相关案例"], value: .name, required: false),
        ],
        dataFile: .liaison, matchKeys: ["site", "date", "kind", "summary"], idPrefix: "", idWidth: 0)

    /// One row of a coverage snapshot: the counts of a district's category of market entities.
    static let coverage = RecordSchema(
        kind: .coverage,
        fields: [
            Field(key: "as_of", label: "统计截止日", headers: ["统计截止日", "截止日期", "统计日期", "截至日期"], value: .day, required: false),
            Field(key: "district", label: "所属区", headers: ["所属区", "区", "所在区", "辖区", "区县"], value: .name, required: true),
            Field(key: "category", label: "类别", headers: ["类别", "市场主体类别", "主体类别", "主体类型"], value: .name, required: true),
            Field(key: "entities", label: "户数", headers: ["户数", "市场主体户数", "市场主体数", "主体户数"], value: .number, required: true),
            Field(key: "standalone", label: "单独建", headers: ["单独建", "单独组建", "单独建立党组织"], value: .number, required: false),
            Field(key: "joint", label: "联合建", headers: ["联合建", "联合组建", "联合建立党组织"], value: .number, required: false),
            Field(key: "affiliated", label: "挂靠建", headers: ["挂靠建", "挂靠组建", "挂靠建立党组织"], value: .number, required: false),
            Field(
                key: "with_members", label: "有党员的户数", headers: ["有党员的户数", "有党员户数", "有党员的市场主体"], value: .number, required: false),
            Field(key: "members", label: "党员人数", headers: ["党员人数", "党员数"], value: .number, required: false),
            Field(
                key: "instructed", label: "指导员覆盖", headers: ["指导员覆盖", "指导员覆盖户数", "选派党建指导员", "党建指导员覆盖"], value: .number,
                required: false),
        ],
        dataFile: .coverage, matchKeys: ["district", "category"], idPrefix: "", idWidth: 0)

    /// One named cluster of a coverage snapshot: a park, building, business district or market.
    static let clusters = RecordSchema(
        kind: .clusters,
        fields: [
            Field(key: "as_of", label: "统计截止日", headers: ["统计截止日", "截止日期", "统计日期", "截至日期"], value: .day, required: false),
            Field(key: "kind", label: "类型", headers: ["类型", "集聚区类型"], value: .name, required: true),
            Field(key: "name", label: "名称", headers: ["名称", "集聚区名称", "园区名称"], value: .name, required: true),
            Field(key: "district", label: "所属区", headers: ["所属区", "区", "所在区", "辖区", "区县"], value: .name, required: true),
            Field(key: "members", label: "党员人数", headers: ["党员人数", "党员数"], value: .number, required: false),
            Field(key: "organized", label: "已建党组织", headers: ["已建党组织", "是否建立党组织", "建立党组织"], value: .flag, required: true),
        ],
        dataFile: .coverage, matchKeys: ["name"], idPrefix: "", idWidth: 0)

    /// The assessment's scores: a row per district and year, a column per dimension scored by
    /// hand (its name in `assessment.yaml` is its header).
    static func scores(manualDimensions: [String], computedDimensions: [String] = []) -> RecordSchema {
        RecordSchema(
            kind: .scores,
            fields: [
                Field(key: "year", label: "年度", headers: ["年度", "考核年度", "年份"], value: .year, required: true),
                Field(key: "district", label: "所属区", headers: ["所属区", "区", "所在区", "辖区", "区县"], value: .name, required: true),
            ] + manualDimensions.map { Field(key: $0, label: $0, headers: [$0, "\($0)得分"], value: .number, required: false) },
            dataFile: .assessment, matchKeys: ["year", "district"], idPrefix: "", idWidth: 0,
            computedHeaders: computedDimensions.flatMap { [$0, "\($0)得分"] })
    }

    /// The YAML keys of a record, in the order new records are written.
    var keys: [String] {
        var seen: Set<String> = []
        return fields.map(\.key).filter { seen.insert($0).inserted }
    }

    /// The field a header names by the built-in list: spaces, a trailing required mark (`*`)
    /// and a parenthesized remark (`联系电话（手机）`) do not count, nor case in Latin letters.
    func field(forHeader header: String) -> Field? {
        let wanted = Self.normalized(header)
        return fields.first { field in
            field.headers.contains { Self.normalized($0) == wanted } || Self.normalized(field.key) == wanted
        }
    }

    /// The field of a YAML key or a label, as a mapping file may name it.
    func field(named name: String) -> Field? {
        fields.first { $0.key == name && $0.value != .liuyouItem($0.label) } ?? fields.first { $0.label == name }
    }

    static func normalized(_ header: String) -> String {
        var text = header.filter { !$0.isWhitespace && $0 != "*" && $0 != "＊" }
        for (open, close) in [("（", "）"), ("(", ")")] {
            if text.hasSuffix(close), let start = text.range(of: open, options: .backwards) {
                text = String(text[..<start.lowerBound])
            }
        }
        return text.lowercased()
    }
}
