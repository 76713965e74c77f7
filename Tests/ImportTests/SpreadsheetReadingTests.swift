import Core
import Foundation
import Spreadsheets
import Testing

/// CSV and XLSX files read into cells at the row and column a person sees.
@Suite struct SpreadsheetReadingTests {
    static func texts(_ sheet: Sheet) -> [[String]] {
        sheet.rows.map { row in row.cells.map(\.value.text) }
    }

    @Test func readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws {
        let sheet = try SpreadsheetFile.csv(
            "姓名,承诺\n陈秀英,\"秤准货真，\"\"足\"\"斤足两\n死鱼不冒充活鱼\"\r\n\n黄志刚,\"a,b\"\n", displayPath: "x.csv")
        #expect(Self.texts(sheet) == [["姓名", "承诺"], ["陈秀英", "秤准货真，\"足\"斤足两\n死鱼不冒充活鱼"], ["黄志刚", "a,b"]])
        #expect(sheet.rows.map(\.number) == [1, 2, 4], "a field with a line break is still one row; the blank row counts")
        #expect(sheet.name == nil)
    }

    @Test func readsTabSeparatedText() throws {
        let sheet = try SpreadsheetFile.csv("姓名\t店铺\n陈秀英\t秀英水产档\n", displayPath: "x.txt")
        #expect(Self.texts(sheet) == [["姓名", "店铺"], ["陈秀英", "秀英水产档"]])
    }

    @Test func reportsAQuoteThatIsNeverClosed() {
        #expect {
            _ = try SpreadsheetFile.csv("姓名,承诺\n陈秀英,\"没有结束\n", displayPath: "x.csv")
        } throws: { error in
            let diagnostic = (error as! DiagnosticsError).diagnostics[0]
            return diagnostic.location == SourceLocation(path: "x.csv", line: 2, column: 2)
                && diagnostic.message == "第 2 行第 2 列的引号没有结束"
        }
    }

    @Test(arguments: ["members-bom.csv", "members-gb18030.csv"])
    func readsUTF8WithByteOrderMarkAndGB18030Alike(_ name: String) throws {
        let sheet = try SpreadsheetFile.read(
            ImportWorkspace.fixtures.appendingPathComponent(name), displayPath: name)
        #expect(sheet.rows[0].cells.map(\.value.text) == ["编号", "姓名", "店铺", "所属区", "所属站点", "入党时间", "承诺", "联系电话"])
        #expect(sheet.rows[1].cell(at: 7)?.value.text == "亮身份、亮职责、亮承诺：冷链进货，\"票证\"齐全。")
        #expect(sheet.rows.map(\.number) == [1, 2, 3])
    }

    @Test func refusesTextInNeitherEncoding() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("portal-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data([0xE5, 0xA7, 0x93, 0x2C, 0xFF, 0xFF, 0x0A]).write(to: url)
        #expect {
            _ = try SpreadsheetFile.read(url, displayPath: "x.csv")
        } throws: { error in
            (error as! DiagnosticsError).diagnostics[0].message == "CSV 文件既不是 UTF-8 编码，也不是 GB18030/GBK 编码"
        }
    }

    @Test func readsAnExcelWorkbookWithDatesAndNumbers() throws {
        let sheet = try SpreadsheetFile.read(
            ImportWorkspace.fixtures.appendingPathComponent("members.xlsx"), displayPath: "members.xlsx")
        #expect(sheet.name == "党员经营户")
        #expect(sheet.rows.map(\.number) == [1, 2, 3, 4, 5])
        let newMember = sheet.rows[4]
        #expect(newMember.cell(at: 1) == nil, "an empty cell is left out")
        #expect(newMember.cell(at: 6)?.value == .date(Day(year: 2019, month: 7, day: 1)!))
        #expect(newMember.cell(at: 8)?.value.text == "13912345678")
        #expect(sheet.rows[2].cell(at: 6)?.value.text == "2008")
    }

    @Test func readsTheSheetNamed() throws {
        let sheet = try SpreadsheetFile.read(
            ImportWorkspace.fixtures.appendingPathComponent("members.xlsx"), displayPath: "members.xlsx", sheet: "另一个表")
        #expect(sheet.name == "另一个表")
        #expect(sheet.rows[1].cell(at: 2)?.value.text == "邓美华")
    }

    @Test func reportsAMissingSheetWithTheSheetsThereAre() {
        #expect {
            _ = try SpreadsheetFile.read(
                ImportWorkspace.fixtures.appendingPathComponent("members.xlsx"), displayPath: "members.xlsx", sheet: "Sheet1")
        } throws: { error in
            let diagnostic = (error as! DiagnosticsError).diagnostics[0]
            return diagnostic.description
                == "error: 选项 --sheet：工作簿 members.xlsx 中没有名为“Sheet1”的工作表\n  hint: 现有的工作表：党员经营户、另一个表"
        }
    }

    @Test func readsSharedStringsPrefixedNamesStoredPartsAnd1904Dates() throws {
        let sheet = try SpreadsheetFile.read(
            ImportWorkspace.fixtures.appendingPathComponent("shared.xlsx"), displayPath: "shared.xlsx")
        #expect(sheet.name == "名单")
        #expect(Self.texts(sheet) == [["姓名", "入党时间"], ["林&森", "1904-01-01", "TRUE", "#N/A"]])
        #expect(sheet.rows.map(\.number) == [1, 3])
        #expect(sheet.rows[1].cells.map(\.column) == [1, 3, 4, 5])
        #expect(sheet.rows[1].cell(at: 5)?.value == .error("#N/A"))
    }

    @Test func refusesAWorkbookWhosePartFailsItsChecksum() throws {
        var bytes = [UInt8](try Data(contentsOf: ImportWorkspace.fixtures.appendingPathComponent("shared.xlsx")))
        // The stored sheet's text: change one letter of it.
        let marker = Array("sheetData".utf8)
        let offset = try #require(
            (0..<(bytes.count - marker.count)).first { Array(bytes[$0..<$0 + marker.count]) == marker })
        bytes[offset] = UInt8(ascii: "S")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("portal-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(bytes).write(to: url)
        #expect {
            _ = try SpreadsheetFile.read(url, displayPath: "x.xlsx")
        } throws: { error in
            (error as! DiagnosticsError).diagnostics[0].message == "工作簿已损坏：xl/worksheets/data.xml 校验失败"
        }
    }

    @Test func saysWhenTheFileIsNotThere() {
        #expect {
            _ = try SpreadsheetFile.read(URL(fileURLWithPath: "/nonexistent/名单.xlsx"), displayPath: "名单.xlsx")
        } throws: { error in
            (error as! DiagnosticsError).diagnostics.map(\.description) == [
                "名单.xlsx:1:1: error: 找不到文件 名单.xlsx\n  hint: 检查文件名和所在的文件夹"
            ]
        }
    }

    @Test func refusesAFileThatIsNotAWorkbook() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("portal-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("姓名,店铺\n".utf8).write(to: url)
        #expect {
            _ = try SpreadsheetFile.read(url, displayPath: "x.xlsx")
        } throws: { error in
            (error as! DiagnosticsError).diagnostics[0].message == "不是 .xlsx 工作簿（不是 zip 格式）"
        }
    }

    @Test(arguments: [
        (1.0, false, "1900-01-01"), (59, false, "1900-02-28"), (61, false, "1900-03-01"), (39448, false, "2008-01-01"),
        (45000.75, false, "2023-03-15"), (0, true, "1904-01-01"), (37986, true, "2008-01-01"),
    ])
    func convertsExcelSerialsToDays(_ serial: Double, _ uses1904: Bool, _ day: String) {
        #expect(ExcelDate.day(fromSerial: serial, uses1904: uses1904)?.description == day)
    }

    @Test func hasNoDayForLotussInventedLeapDay() {
        #expect(ExcelDate.day(fromSerial: 60) == nil)
    }
}
