import Content
import Core
import Foundation
import Model
import Spreadsheets

/// Which column of a sheet holds which field: read from the header row by the built-in
/// Chinese headers and by a mapping file (`--mapping`) for any others.
struct ColumnMap {
    var headerRow: Int
    /// Column number → field.
    var fields: [Int: RecordSchema.Field]
    /// Column number → the header as written.
    var headers: [Int: String]

    /// Headers every register has that no record needs: left out without a mapping.
    static let ignoredHeaders: Set<String> = ["序号", "行号"]

    /// The header row is the first of the top rows naming two known fields (a title row such as
    /// “2025年党员经营户名单” may stand above it), or else the first row.
    static func read(
        _ sheet: Sheet, schema: RecordSchema, mapping: [String: RecordSchema.Field?], place: SheetPlace
    ) -> (map: ColumnMap?, problems: [Diagnostic]) {
        func field(_ header: String) -> RecordSchema.Field?? {
            if let mapped = mapping[RecordSchema.normalized(header)] { return .some(mapped) }
            if ignoredHeaders.contains(RecordSchema.normalized(header)) { return .some(nil) }
            return schema.field(forHeader: header).map { .some($0) }
        }
        guard let first = sheet.rows.first else {
            return (nil, [.error(at: place.location(row: 1, column: 1), "\(place.sheetName)没有内容", hint: "第一行写列名，下面每行一条记录")])
        }
        let header =
            sheet.rows.prefix(10).first { row in
                row.cells.count(where: { cell in field(cell.value.text.trimmingWhitespace).flatMap { $0 } != nil }) >= 2
            } ?? first
        var map = ColumnMap(headerRow: header.number, fields: [:], headers: [:])
        var problems: [Diagnostic] = []
        var claimed: [String: (column: Int, header: String)] = [:]
        for cell in header.cells {
            let text = cell.value.text.trimmingWhitespace
            map.headers[cell.column] = text
            if schema.computedHeaders.contains(where: { RecordSchema.normalized($0) == RecordSchema.normalized(text) }),
                mapping[RecordSchema.normalized(text)] == nil
            {
                problems.append(
                    .warning(
                        at: place.location(row: header.number, column: cell.column),
                        "\(place.describe(row: header.number, header: text))“\(text)”的得分由门户按数据算出，这一列不会导入",
                        hint: "只导入手工打分项目的得分；算出的得分见考核页"))
                continue
            }
            guard let found = field(text) else {
                let known = schema.fields.flatMap(\.headers)
                problems.append(
                    .error(
                        at: place.location(row: header.number, column: cell.column),
                        "\(place.describe(row: header.number, header: text))不认识的列名“\(text)”",
                        hint: (Suggestion.closest(to: text, in: known).map { "是不是“\($0)”？" } ?? "")
                            + "可用的列名：\(known.joined(separator: "、"))；其他列名写进映射文件，用 --mapping 文件 指定（如 \(text): name）"))
                continue
            }
            guard let field = found else { continue }
            let claim = field.value == .liuyouItem(field.label) ? "liuyou:\(field.label)" : field.key
            if let earlier = claimed[claim] {
                problems.append(
                    .error(
                        at: place.location(row: header.number, column: cell.column),
                        "\(place.describe(row: header.number, header: text))与第 \(earlier.column) 列“\(earlier.header)”都对应“\(field.label)”",
                        hint: "每个字段只能有一列；删去多余的一列，或在映射文件中把它对应到别的字段"))
                continue
            }
            claimed[claim] = (cell.column, text)
            map.fields[cell.column] = field
        }
        for field in schema.fields where field.required && !map.fields.values.contains(where: { $0.key == field.key }) {
            problems.append(
                .error(
                    at: place.location(row: header.number, column: 1),
                    "\(place.sheetName)第 \(header.number) 行（列名行）缺少“\(field.label)”列",
                    hint: "加一列，列名写 \(field.headers.map { "“\($0)”" }.joined(separator: "或"))；列名不同时用 --mapping 文件对应到 \(field.key)"
                ))
        }
        if schema.kind == .sites {
            let items = Set(
                map.fields.values.compactMap { field -> String? in
                    if case .liuyouItem(let item) = field.value { return item }
                    return nil
                })
            let hasList = map.fields.values.contains { $0.value == .liuyouList }
            if hasList && !items.isEmpty || !items.isEmpty && items.count < LiuyouChecklist.items.count {
                let missing = LiuyouChecklist.items.filter { !items.contains($0) }
                problems.append(
                    .error(
                        at: place.location(row: header.number, column: 1),
                        hasList
                            ? "\(place.sheetName)既有“六有”列，又有单项列"
                            : "\(place.sheetName)的“六有”单项列不全，缺少 \(missing.joined(separator: "、"))",
                        hint: "“六有”写成一列（列出已落实的项，如 场所、设施、标志），或六项各一列（是/否）"))
            }
        }
        return (problems.contains(where: \.isError) ? nil : map, problems)
    }

    /// A warning for each column that holds values under no header: they are not imported.
    static func unnamedColumns(_ sheet: Sheet, map: ColumnMap, place: SheetPlace) -> [Diagnostic] {
        var first: [Int: Int] = [:]
        for row in sheet.rows where row.number > map.headerRow {
            for cell in row.cells where map.headers[cell.column] == nil && first[cell.column] == nil {
                first[cell.column] = row.number
            }
        }
        return first.sorted { $0.key < $1.key }.map { column, row in
            .warning(
                at: place.location(row: row, column: column),
                "\(place.describe(row: row, header: nil))第 \(column) 列（\(ColumnName.letters(column)) 列）没有列名，这一列不会导入",
                hint: "在列名行写上列名，或删去这一列")
        }
    }

    /// Reads a mapping file: one `header: field` line for each header the built-in list does
    /// not know; the field is a YAML key (`name`, `phone` …), a known header (`姓名`), or
    /// `忽略` for a column to leave out.
    static func readMapping(_ url: URL, displayPath: String, schema: RecordSchema) throws(DiagnosticsError) -> [String:
        RecordSchema.Field?]
    {
        let file: SourceFile
        switch SourceFile.read(url, displayPath: displayPath) {
        case .success(let read): file = read
        case .failure(let error): throw error
        }
        let root: YAMLValue?
        switch YAMLReader.parse(file.text, path: displayPath) {
        case .success(let value): root = value
        case .failure(let error): throw error
        }
        guard case .mapping(let entries, _) = root else {
            throw DiagnosticsError([
                .error(
                    at: root?.location ?? SourceLocation(path: displayPath), "映射文件应为“列名: 字段”的映射",
                    hint: "每行写一项，如 户主姓名: name")
            ])
        }
        var mapping: [String: RecordSchema.Field?] = [:]
        var problems: [Diagnostic] = []
        let keys = schema.keys.filter { $0 != "liuyou" || schema.kind == .sites }
        for entry in entries {
            guard case .scalar(let scalar) = entry.value, !scalar.isNull else {
                problems.append(.error(at: entry.value.location, "列名“\(entry.key)”应对应一个字段", hint: "如 \(entry.key): name"))
                continue
            }
            let target = scalar.text.trimmingWhitespace
            if ["忽略", "-", "ignore"].contains(target) {
                mapping[RecordSchema.normalized(entry.key)] = .some(nil)
            } else if let field = schema.field(named: target) ?? schema.field(forHeader: target) {
                mapping[RecordSchema.normalized(entry.key)] = .some(field)
            } else {
                problems.append(
                    .error(
                        at: scalar.location, "未知的字段 '\(target)'",
                        hint: Suggestion.didYouMean(target, in: keys)
                            ?? "可用的字段：\(keys.joined(separator: ", "))，或写“忽略”不导入这一列"))
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        return mapping
    }
}

/// How a place in the sheet is named: its location (`file:row:column`) and the words in
/// front of a message, `工作表“Sheet1”第 5 行“所属区”列：`.
struct SheetPlace {
    var path: String
    var sheet: String?

    var sheetName: String { sheet.map { "工作表“\($0)”" } ?? "表格" }

    func location(row: Int, column: Int) -> SourceLocation {
        SourceLocation(path: path, line: row, column: column)
    }

    func describe(row: Int, header: String?) -> String {
        "\(sheet.map { "工作表“\($0)”" } ?? "")第 \(row) 行" + (header.map { "“\($0)”列" } ?? "") + "："
    }
}
