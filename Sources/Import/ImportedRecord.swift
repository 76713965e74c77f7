import Content
import Core
import Foundation
import Model
import Spreadsheets

/// One row of the sheet as a record: each field's value written as YAML, and the cell it came
/// from, so that what the decoders say about the value can be said about the cell.
struct ImportedRecord {
    struct Value: Equatable {
        /// As written into the YAML file: `2008`, `"陈秀英"`, `{场所: true, …}`.
        var yaml: String
        /// What the decoder reads, to tell a change from the same value written another way.
        var meaning: String
        /// Cells the value came from, by their column in `yaml` (a 六有 mapping holds six).
        var cells: [(offset: Int, origin: CellOrigin)]

        static func == (lhs: Value, rhs: Value) -> Bool { lhs.meaning == rhs.meaning }
    }

    var row: Int
    /// By YAML key.
    var values: [String: Value] = [:]
    /// The first cell of the row, for problems of the record as a whole.
    var firstCell: CellOrigin
    /// Where each field's column is, present or empty in this row.
    var columns: [String: CellOrigin] = [:]

    var id: String? { values["id"]?.meaning }
}

/// A cell as messages name it.
struct CellOrigin: Equatable {
    var row: Int
    var column: Int
    var header: String
}

/// Turns the rows below the header into records.
enum RecordRows {
    static func read(
        _ sheet: Sheet, map: ColumnMap, schema: RecordSchema, place: SheetPlace
    ) -> (records: [ImportedRecord], problems: [Diagnostic]) {
        var records: [ImportedRecord] = []
        var problems: [Diagnostic] = []
        for row in sheet.rows where row.number > map.headerRow {
            let cells = row.cells.filter { map.fields[$0.column] != nil }
            guard !cells.isEmpty else { continue }
            let firstColumn = map.fields.keys.min() ?? 1
            var record = ImportedRecord(
                row: row.number,
                firstCell: CellOrigin(row: row.number, column: firstColumn, header: map.headers[firstColumn] ?? ""))
            var items: [(item: String, value: ImportedRecord.Value)] = []
            for (column, field) in map.fields {
                let origin = CellOrigin(row: row.number, column: column, header: map.headers[column] ?? field.label)
                if record.columns[field.key] == nil || column < record.columns[field.key]!.column {
                    record.columns[field.key] = origin
                }
                guard let cell = row.cell(at: column) else { continue }
                func problem(_ message: String, hint: String? = nil) {
                    problems.append(
                        .error(
                            at: place.location(row: row.number, column: column),
                            place.describe(row: row.number, header: origin.header) + message, hint: hint))
                }
                if case .error(let code) = cell.value {
                    problem("单元格是公式错误 \(code)", hint: "在表格中改正公式，或把结果粘贴为数值")
                    continue
                }
                switch field.value {
                case .text:
                    let text = cell.value.text.trimmingWhitespace
                    guard !text.isEmpty else { continue }
                    record.values[field.key] = ImportedRecord.Value(
                        yaml: YAMLText.quoted(text), meaning: text, cells: [(0, origin)])
                case .name:
                    let text = cell.value.text.trimmingWhitespace
                    guard !text.isEmpty else { continue }
                    record.values[field.key] = ImportedRecord.Value(
                        yaml: YAMLText.scalar(text), meaning: text, cells: [(0, origin)])
                case .digits:
                    if case .number(_, let digits) = cell.value, field.key == "id_number",
                        digits.count >= 16 || digits.contains("E")
                    {
                        problem(
                            "身份证号被存成了数字，后几位已经丢失（\(cell.value.text)）",
                            hint: "把这一列设为“文本”格式后重新填写，或在号码前加英文单引号 '")
                        continue
                    }
                    let text = cell.value.text.trimmingWhitespace
                    guard !text.isEmpty else { continue }
                    record.values[field.key] = ImportedRecord.Value(
                        yaml: YAMLText.quoted(text), meaning: text, cells: [(0, origin)])
                case .year:
                    switch year(of: cell.value) {
                    case .year(let year):
                        record.values[field.key] = ImportedRecord.Value(
                            yaml: String(year), meaning: String(year), cells: [(0, origin)])
                    case .digits(let text):
                        record.values[field.key] = ImportedRecord.Value(yaml: text, meaning: text, cells: [(0, origin)])
                    case .text(let text):
                        record.values[field.key] = ImportedRecord.Value(
                            yaml: YAMLText.quoted(text), meaning: text, cells: [(0, origin)])
                    case .invalidDate(let text):
                        problem("日期 '\(text)' 不存在", hint: "写年份（如 2008）或日期（如 2008-05-01），并确认这一天存在")
                    case .empty:
                        continue
                    }
                case .day:
                    switch day(of: cell.value) {
                    case .some(.some(let day)):
                        record.values[field.key] = ImportedRecord.Value(
                            yaml: day.description, meaning: day.description, cells: [(0, origin)])
                    case .some(.none):
                        problem("日期 '\(cell.value.text.trimmingWhitespace)' 不是有效的日期", hint: "写日期，如 2026-03-12，并确认这一天存在")
                    case .none:
                        continue
                    }
                case .liuyouList:
                    let text = cell.value.text.trimmingWhitespace
                    let named = text.split(whereSeparator: { "、,，;； /".contains($0) }).map {
                        $0.hasPrefix("有") ? String($0.dropFirst()) : String($0)
                    }
                    var unknown = false
                    for item in named where !LiuyouChecklist.items.contains(item) {
                        unknown = true
                        problem(
                            "未知的“六有”项 '\(item)'",
                            hint: Suggestion.didYouMean(item, in: LiuyouChecklist.items)
                                ?? "列出已落实的项：\(LiuyouChecklist.items.joined(separator: "、"))")
                    }
                    guard !unknown else { continue }
                    let flags = LiuyouChecklist.items.map { (item: $0, met: named.contains($0)) }
                    record.values["liuyou"] = liuyou(flags.map { ($0.item, $0.met ? "true" : "false") }, origins: [origin])
                case .number:
                    guard let text = number(of: cell.value) else { continue }
                    // Digits stay a number for the decoder; anything else goes in quotes, for it to report.
                    let isNumber = Double(text) != nil
                    record.values[field.key] = ImportedRecord.Value(
                        yaml: isNumber ? text : YAMLText.quoted(text), meaning: text, cells: [(0, origin)])
                case .flag:
                    guard !cell.value.text.trimmingWhitespace.isEmpty else { continue }
                    let yaml = flag(cell.value)
                    record.values[field.key] = ImportedRecord.Value(yaml: yaml, meaning: yaml, cells: [(0, origin)])
                case .liuyouItem(let item):
                    items.append(
                        (item, ImportedRecord.Value(yaml: flag(cell.value), meaning: flag(cell.value), cells: [(0, origin)])))
                }
            }
            if !items.isEmpty {
                var origins: [CellOrigin] = []
                var written: [(String, String)] = []
                for item in LiuyouChecklist.items {
                    let found = items.first { $0.item == item }
                    origins.append(found?.value.cells[0].origin ?? record.columns["liuyou"] ?? record.firstCell)
                    written.append((item, found?.value.yaml ?? "false"))
                }
                record.values["liuyou"] = liuyou(written, origins: origins)
            }
            records.append(record)
        }
        return (records, problems)
    }

    /// `{场所: true, 设施: false, …}`, each item's place in the line pointing at its cell.
    private static func liuyou(_ items: [(String, String)], origins: [CellOrigin]) -> ImportedRecord.Value {
        var yaml = "{"
        var cells: [(offset: Int, origin: CellOrigin)] = []
        for (index, (item, value)) in items.enumerated() {
            if index > 0 { yaml += ", " }
            cells.append((yaml.unicodeScalars.count, origins[min(index, origins.count - 1)]))
            yaml += "\(item): \(value)"
        }
        yaml += "}"
        return ImportedRecord.Value(
            yaml: yaml, meaning: items.map { "\($0.0):\($0.1)" }.joined(separator: ","), cells: cells)
    }

    /// A number as YAML writes it (`4820`, `17.5`), from a number cell or from text with
    /// thousands separators; other text as it is; nil for an empty cell.
    static func number(of value: CellValue) -> String? {
        if case .number(let number, _) = value {
            return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        }
        let text = value.text.trimmingWhitespace
        guard !text.isEmpty else { return nil }
        let digits = text.filter { $0 != "," && $0 != "，" && $0 != " " }
        if let number = Double(digits), digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) {
            return number == number.rounded() && !digits.contains(".") ? digits : String(number)
        }
        return text
    }

    /// 是/否 and the other ways a checklist cell says yes or no, as YAML's true or false; any
    /// other text is kept, quoted, for the decoder to report.
    private static func flag(_ value: CellValue) -> String {
        switch value {
        case .boolean(let flag): return flag ? "true" : "false"
        case .number(let number, _) where number == 1 || number == 0: return number == 1 ? "true" : "false"
        default:
            let text = value.text.trimmingWhitespace
            if ["是", "有", "√", "✓", "✔", "true", "TRUE", "True", "Y", "y", "yes", "已落实"].contains(text) { return "true" }
            if ["否", "无", "×", "✗", "✘", "false", "FALSE", "False", "N", "n", "no", "未落实", ""].contains(text) { return "false" }
            return YAMLText.quoted(text)
        }
    }

    /// A day from an Excel date, an unformatted date serial, or text such as `2026-03-12`,
    /// `2026/3/12`, `2026.3.12`, `2026年3月12日`; nil for an empty cell, `.some(nil)` for
    /// anything else.
    static func day(of value: CellValue) -> Day?? {
        switch value {
        case .date(let day): return .some(day)
        case .number(let number, _):
            return .some(number >= 10000 && number == number.rounded() ? ExcelDate.day(fromSerial: number) : nil)
        default:
            let text = value.text.trimmingWhitespace
            if text.isEmpty { return .none }
            let groups = text.split(whereSeparator: { !$0.isASCII || !$0.isNumber })
            let separatorsOnly = text.allSatisfy { ($0.isASCII && $0.isNumber) || "-/.年月日".contains($0) }
            guard separatorsOnly, groups.count == 3, groups[0].count == 4, let year = Int(groups[0]),
                let month = Int(groups[1]), let day = Int(groups[2])
            else { return .some(nil) }
            return .some(Day(year: year, month: month, day: day))
        }
    }

    enum YearReading: Equatable {
        case year(Int)
        /// Digits, written as they are: the decoder reads them as a number, or says why not.
        case digits(String)
        /// Not a year nor a date: left for the decoder to report as it would in YAML.
        case text(String)
        case invalidDate(String)
        case empty
    }

    /// A year from a number (`2008`), an Excel date, or text such as `2008`, `2008-05-01`,
    /// `2008/5/1`, `2008.05`, `2008年5月1日`.
    static func year(of value: CellValue) -> YearReading {
        switch value {
        case .date(let day): return .year(day.year)
        case .number(let number, let digits):
            if number == number.rounded(), (1000...9999).contains(number) { return .year(Int(number)) }
            // An unformatted Excel date, as a formula or a paste leaves it.
            if number >= 10000, let day = ExcelDate.day(fromSerial: number) { return .year(day.year) }
            return .text(digits)
        default:
            let text = value.text.trimmingWhitespace
            if text.isEmpty { return .empty }
            if text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) { return .digits(text) }
            let groups = text.split(whereSeparator: { !$0.isASCII || !$0.isNumber })
            let separatorsOnly = text.allSatisfy { ($0.isASCII && $0.isNumber) || "-/.年月日 ".contains($0) }
            guard separatorsOnly, (2...3).contains(groups.count), groups[0].count == 4, let year = Int(groups[0]),
                groups.dropFirst().allSatisfy({ $0.count <= 2 })
            else { return .text(text) }
            let month = Int(groups[1]) ?? 0
            let day = groups.count == 3 ? Int(groups[2]) ?? 0 : 1
            return Day(year: year, month: month, day: day) == nil ? .invalidDate(text) : .year(year)
        }
    }
}
