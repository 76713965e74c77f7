import Charts
import Core

/// Tables and charts in write-ups. CommonMark has no tables, yet write-ups report figures
/// (coverage before and after, members recruited, complaints down), so a fenced block whose
/// info string is `table` or `chart` holds rows of comma- or tab-separated cells, the first row
/// the header:
///
/// ````
/// ```table
/// caption: 党建工作前后对比
/// 指标, 2022年, 2024年
/// 党员经营户, 120, 156
/// ```
/// ````
///
/// A table becomes an HTML table with its caption and header cells (`<th scope>`); a chart
/// (`type: bar` or `type: line`, and optionally `unit:` and `target:`) becomes an SVG chart
/// drawn now, followed by the same table for screen readers and printouts. Cells with a comma
/// are quoted (`"1,000"`); `，` separates cells when a block has no `,` and no tab.
struct DataBlock {
    enum Kind: String {
        case table, chart
    }

    /// A mistake, on a line of the block's text (0 is the first line after the fence).
    struct Problem: Equatable {
        var line: Int
        var message: String
        var hint: String
    }

    /// The kind a fence's info string names, if any: its first word.
    static func kind(ofInfo info: String) -> Kind? {
        Kind(rawValue: String(info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "").lowercased())
    }

    /// The block's HTML, or nil and what is wrong with it.
    static func render(_ kind: Kind, _ text: String) -> (html: String?, problems: [Problem]) {
        var block = DataBlock(kind: kind)
        block.read(text)
        guard block.problems.isEmpty else { return (nil, block.problems) }
        var html = ""
        if kind == .chart, let svg = block.chart() { html += "<figure class=\"chart-figure\">\(svg)</figure>\n" }
        guard block.problems.isEmpty else { return (nil, block.problems) }
        html += block.table()
        return (html, [])
    }

    let kind: Kind
    private var options: [String: (value: String, line: Int)] = [:]
    private var rows: [(cells: [String], line: Int)] = []
    private(set) var problems: [Problem] = []

    private static let optionNames: [Kind: Set<String>] = [.table: ["caption"], .chart: ["caption", "type", "unit", "target"]]

    private mutating func read(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        let separator: Character =
            lines.contains { $0.contains("\t") } ? "\t" : lines.contains { $0.contains(",") } ? "," : "，"
        for (number, line) in lines.enumerated() where !line.trimmingWhitespace.isEmpty {
            if rows.isEmpty, let (name, value) = option(in: line) {
                guard Self.optionNames[kind]!.contains(name) else {
                    problems.append(
                        Problem(
                            line: number, message: "\(kind == .table ? "表格" : "图表")不认识设置 '\(name)'",
                            hint: "可用的设置：\(Self.optionNames[kind]!.sorted().joined(separator: "、"))，写在表头之前"))
                    continue
                }
                options[name] = (value, number)
                continue
            }
            guard let cells = Self.cells(of: line, separatedBy: separator) else {
                problems.append(
                    Problem(line: number, message: "这一行的引号没有配对", hint: "含逗号的文字用英文双引号括起来，如 \"1,000\""))
                continue
            }
            if let header = rows.first, cells.count != header.cells.count {
                problems.append(
                    Problem(
                        line: number, message: "这一行有 \(cells.count) 项，表头有 \(header.cells.count) 项",
                        hint: "每行的项数要和表头一样；文字里有逗号时用英文双引号括起来"))
                continue
            }
            rows.append((cells, number))
        }
        if rows.count < 2 && problems.isEmpty {
            problems.append(
                Problem(
                    line: rows.first?.line ?? 0, message: "\(kind == .table ? "表格" : "图表")至少要有表头和一行数据",
                    hint: "第一行是表头，各项用逗号或制表符分开；以下每行一条数据"))
        }
    }

    /// `caption: 对比` as a name and a value, for the names of options only.
    private func option(in line: String) -> (String, String)? {
        guard let colon = line.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let name = String(line[..<colon]).trimmingWhitespace
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "_") }) else { return nil }
        return (name.lowercased(), String(line[line.index(after: colon)...]).trimmingWhitespace)
    }

    /// The cells of a row: RFC 4180 quoting (`"1,000"`, `"说""好"""`), spaces around cells
    /// dropped. Nil when a quote is left open.
    static func cells(of line: String, separatedBy separator: Character) -> [String]? {
        let characters = Array(line)
        var cells: [String] = []
        var index = 0
        while true {
            while index < characters.count, characters[index] == " " { index += 1 }
            var cell = ""
            if index < characters.count, characters[index] == "\"" {
                index += 1
                var closed = false
                while index < characters.count {
                    if characters[index] == "\"" {
                        if index + 1 < characters.count, characters[index + 1] == "\"" {
                            cell.append("\"")
                            index += 2
                            continue
                        }
                        closed = true
                        index += 1
                        break
                    }
                    cell.append(characters[index])
                    index += 1
                }
                guard closed else { return nil }
                // What follows the closing quote up to the separator is kept too.
                var rest = ""
                while index < characters.count, characters[index] != separator {
                    rest.append(characters[index])
                    index += 1
                }
                cells.append(cell + rest.trimmingWhitespace)
            } else {
                while index < characters.count, characters[index] != separator {
                    cell.append(characters[index])
                    index += 1
                }
                cells.append(cell.trimmingWhitespace)
            }
            guard index < characters.count else { return cells }
            index += 1  // the separator
        }
    }

    private func table() -> String {
        let header = rows[0].cells
        let caption = options["caption"]?.value ?? ""
        let label = caption.isEmpty ? header.joined(separator: "、") : caption
        var html = "<div class=\"table-wrap\" role=\"region\" aria-label=\"\(MarkupText.escaped(label))\" tabindex=\"0\">"
        html += "<table class=\"data-table\">\n"
        if !caption.isEmpty { html += "<caption>\(MarkupText.escaped(caption))</caption>\n" }
        html += "<thead><tr>" + header.map { "<th scope=\"col\">\(MarkupText.escaped($0))</th>" }.joined() + "</tr></thead>\n"
        html += "<tbody>\n"
        for row in rows.dropFirst() {
            html += "<tr>"
            for (column, cell) in row.cells.enumerated() {
                if column == 0 {
                    html += "<th scope=\"row\">\(MarkupText.escaped(cell))</th>"
                } else {
                    let number = Self.number(cell) != nil ? " class=\"number\"" : ""
                    html += "<td\(number)>\(MarkupText.escaped(cell))</td>"
                }
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    private mutating func chart() -> String? {
        let type = options["type"]?.value.lowercased() ?? "bar"
        guard type == "bar" || type == "line" else {
            problems.append(
                Problem(line: options["type"]!.line, message: "图表类型 '\(type)' 不认识", hint: "type: bar（条形图）或 type: line（折线图）"))
            return nil
        }
        var target: Double?
        if let option = options["target"] {
            target = Self.number(option.value)
            if target == nil {
                problems.append(Problem(line: option.line, message: "目标值 '\(option.value)' 不是数字", hint: "如 target: 100"))
            }
        }
        let header = rows[0].cells
        guard header.count >= 2 else {
            problems.append(
                Problem(line: rows[0].line, message: "图表至少要有两列：名称和数值", hint: "如 区, 人数"))
            return nil
        }
        var series = header.dropFirst().map { ChartData.Series(name: $0, values: []) }
        for row in rows.dropFirst() {
            for (column, cell) in row.cells.enumerated().dropFirst() {
                guard let value = Self.number(cell) else {
                    problems.append(
                        Problem(
                            line: row.line, message: "'\(cell)' 不是数字（第 \(column + 1) 列）",
                            hint: "图表的数值列只能写数字，如 156、3.5 或 12%"))
                    continue
                }
                series[column - 1].values.append(value)
            }
        }
        guard problems.isEmpty else { return nil }
        let data = ChartData(
            labels: rows.dropFirst().map { $0.cells[0] }, series: series, unit: options["unit"]?.value ?? "", target: target,
            targetLabel: target.map { "目标 \(ChartSVG.format($0))" } ?? "")
        return type == "line" ? ChartSVG.lines(data) : ChartSVG.bars(data)
    }

    /// `156`, `-3.5`, `12%` (as 12) as a number.
    static func number(_ text: String) -> Double? {
        var text = text.trimmingWhitespace
        if text.hasSuffix("%") || text.hasSuffix("％") { text.removeLast() }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }) else { return nil }
        return Double(text)
    }
}
