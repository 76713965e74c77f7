import Core
import Foundation
import Model

/// The report upward written as files (`portal report`): one XLSX workbook with a sheet per
/// table, numbers, percentages and dates stored as such so that sums and charts work in Excel,
/// WPS and LibreOffice; or one CSV file per table.
///
/// The workbook is the few parts of Office Open XML (ECMA-376) a spreadsheet needs, zipped by
/// the zip writer `portal export` uses: a library would add a dependency for what is about a
/// hundred lines of markup.
public enum SummaryWorkbook {
    public static func xlsx(_ report: SummaryReport, modified: Date = Date()) throws -> [UInt8] {
        var archive = ZipArchive(modified: modified)
        var bytes = Data()
        let tables = report.tables
        func add(_ path: String, _ text: String) throws {
            bytes.append(try archive.entry(path, Array(text.utf8)))
        }
        try add("[Content_Types].xml", contentTypes(sheets: tables.count))
        try add(
            "_rels/.rels",
            relationships([("officeDocument", "xl/workbook.xml")]))
        try add("xl/workbook.xml", workbook(tables))
        try add(
            "xl/_rels/workbook.xml.rels",
            relationships(tables.indices.map { ("worksheet", "worksheets/sheet\($0 + 1).xml") } + [("styles", "styles.xml")]))
        try add("xl/styles.xml", styles)
        for (number, table) in tables.enumerated() {
            try add("xl/worksheets/sheet\(number + 1).xml", worksheet(table))
        }
        bytes.append(try archive.directory())
        return [UInt8](bytes)
    }

    /// One CSV file per table, by file name (`教育培训.csv`), written as the dashboard's are.
    public static func csvFiles(_ report: SummaryReport) -> [(name: String, bytes: [UInt8])] {
        report.tables.map { table in
            ("\(table.name).csv", SpreadsheetWriter.csv([table.columns] + table.rows.map { $0.map(\.text) }))
        }
    }

    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    private static func contentTypes(sheets: Int) -> String {
        let office = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        let overrides = (0..<sheets).map {
            #"<Override PartName="/xl/worksheets/sheet\#($0 + 1).xml" ContentType="\#(office).worksheet+xml"/>"#
        }.joined()
        return header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="\#(office).sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="\#(office).styles+xml"/>"# + overrides + "</Types>"
    }

    private static func relationships(_ targets: [(type: String, target: String)]) -> String {
        let list = targets.enumerated().map { number, target in
            #"<Relationship Id="rId\#(number + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/\#(target.type)" Target="\#(target.target)"/>"#
        }.joined()
        return header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + list + "</Relationships>"
    }

    private static func workbook(_ tables: [SummaryReport.Table]) -> String {
        let sheets = tables.enumerated().map { number, table in
            #"<sheet name="\#(XMLText.escape(sheetName(table.name)))" sheetId="\#(number + 1)" r:id="rId\#(number + 1)"/>"#
        }.joined()
        return header
            + #"<workbook xmlns="\#(main)" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
            + "<sheets>\(sheets)</sheets></workbook>"
    }

    /// Styles by index: 0 plain, 1 bold headers, 2 percentages with one decimal, 3 dates,
    /// 4 numbers with up to one decimal.
    private static let styles =
        header + #"<styleSheet xmlns="\#(main)">"#
        + #"<numFmts count="3"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/><numFmt numFmtId="166" formatCode="0.#"/></numFmts>"#
        + #"<fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#

    private static func worksheet(_ table: SummaryReport.Table) -> String {
        var rows = "<row r=\"1\">"
        for (column, name) in table.columns.enumerated() {
            rows += cell(.text(name), at: column, row: 1, style: 1)
        }
        rows += "</row>"
        for (offset, values) in table.rows.enumerated() {
            let row = offset + 2
            rows += "<row r=\"\(row)\">"
            for (column, value) in values.enumerated() { rows += cell(value, at: column, row: row, style: nil) }
            rows += "</row>"
        }
        let widths = table.columns.indices.map { column in
            ([table.columns[column]] + table.rows.compactMap { $0.indices.contains(column) ? $0[column].text : nil })
                .map(displayWidth).max() ?? 8
        }
        let columns = widths.enumerated().map { column, width in
            #"<col min="\#(column + 1)" max="\#(column + 1)" width="\#(min(60, max(8, width + 2)))" customWidth="1"/>"#
        }.joined()
        // The header row stays in view while scrolling.
        let view =
            #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        return header + #"<worksheet xmlns="\#(main)">"# + view
            + "<cols>\(columns)</cols><sheetData>\(rows)</sheetData></worksheet>"
    }

    private static func cell(_ value: SummaryReport.Value, at column: Int, row: Int, style: Int?) -> String {
        let reference = columnName(column) + "\(row)"
        switch value {
        case .text(let text):
            let styled = style.map { " s=\"\($0)\"" } ?? ""
            return
                #"<c r="\#(reference)"\#(styled) t="inlineStr"><is><t xml:space="preserve">\#(XMLText.escape(text))</t></is></c>"#
        case .number(let number):
            // Whole numbers without a decimal point, which readers would take for a fraction.
            let digits = number == number.rounded() && abs(number) < 1e15 ? "\(Int(number))" : "\(number)"
            return #"<c r="\#(reference)"><v>\#(digits)</v></c>"#
        case .percent(let share):
            return #"<c r="\#(reference)" s="2"><v>\#(share)</v></c>"#
        case .date(let day):
            // Excel counts days from 1899-12-30.
            return #"<c r="\#(reference)" s="3"><v>\#(day.daysSince1970 + 25569)</v></c>"#
        }
    }

    /// `A`, `B`, …, `Z`, `AA`.
    static func columnName(_ index: Int) -> String {
        var index = index + 1
        var name = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            index = (index - 1) / 26
        }
        return name
    }

    /// Sheet names hold at most 31 characters and none of `[]:*?/\`.
    private static func sheetName(_ name: String) -> String {
        String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
    }

    /// Columns as Excel measures them: a Chinese character takes two.
    private static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) }
    }
}
