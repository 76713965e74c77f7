import Build
import Core
import Foundation
import Testing

/// The text of PDF, Word and Excel attachments is scanned like the pages, and what is found is
/// reported at the link to the attachment.
@Suite struct AttachmentPrivacyTests {
    /// A zip of `entries`, stored without compression, as Office files are read.
    static func zip(_ entries: [(name: String, text: String)]) -> [UInt8] {
        func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
        func le32(_ value: UInt32) -> [UInt8] { le16(Int(value & 0xFFFF)) + le16(Int(value >> 16)) }
        var body: [UInt8] = []
        var directory: [UInt8] = []
        for entry in entries {
            let name = Array(entry.name.utf8)
            let data = Array(entry.text.utf8)
            let fields =
                le16(0) + le16(0) + le16(0) + le16(0) + le32(PhotoTests.crc32(data)) + le32(UInt32(data.count))
                + le32(UInt32(data.count)) + le16(name.count) + le16(0)
            directory +=
                le32(0x0201_4B50) + le16(20) + le16(20) + fields + le16(0) + le16(0) + le16(0) + le32(0)
                + le32(UInt32(body.count)) + name
            body += le32(0x0403_4B50) + le16(20) + fields + name + data
        }
        let end =
            le32(0x0605_4B50) + le16(0) + le16(0) + le16(entries.count) + le16(entries.count)
            + le32(UInt32(directory.count)) + le32(UInt32(body.count)) + le16(0)
        return body + directory + end
    }

    /// A Word document whose one paragraph is `runs`, each a run of its own (as Word splits a
    /// number whose formatting changed).
    static func docx(_ runs: [String], header: String = "") -> [UInt8] {
        let namespace = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        let paragraph = "<w:p>" + runs.map { "<w:r><w:t xml:space=\"preserve\">\($0)</w:t></w:r>" }.joined() + "</w:p>"
        return zip([
            ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>"),
            ("word/document.xml", "<?xml version=\"1.0\"?><w:document \(namespace)><w:body>\(paragraph)</w:body></w:document>"),
            ("word/header1.xml", "<?xml version=\"1.0\"?><w:hdr \(namespace)><w:p><w:r><w:t>\(header)</w:t></w:r></w:p></w:hdr>"),
        ])
    }

    /// An Excel workbook with `shared` strings and a sheet holding `inline` as an inline string.
    static func xlsx(shared: [String], inline: String) -> [UInt8] {
        let namespace = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        let strings = shared.map { "<si><t>\($0)</t></si>" }.joined()
        return zip([
            ("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook \(namespace)/>"),
            ("xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst \(namespace)>\(strings)</sst>"),
            (
                "xl/worksheets/sheet1.xml",
                "<?xml version=\"1.0\"?><worksheet \(namespace)><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
                    + "<c r=\"B1\" t=\"inlineStr\"><is><t>\(inline)</t></is></c></row></sheetData></worksheet>"
            ),
        ])
    }

    /// A one-page PDF that shows `text` in Helvetica, with a correct cross-reference table.
    static func pdf(_ text: String) -> [UInt8] {
        let stream = "BT /F1 12 Tf 20 50 Td (\(text)) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var output = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (number, object) in objects.enumerated() {
            offsets.append(output.utf8.count)
            output += "\(number + 1) 0 obj\n\(object)\nendobj\n"
        }
        let table = output.utf8.count
        output += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { output += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
        output += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(table)\n%%EOF\n"
        return Array(output.utf8)
    }

    /// The fixture with `file` in `cases/case-05/` and a link to it at line 27 of the case.
    func workspace(_ name: String, _ bytes: [UInt8]) throws -> FixtureWorkspace {
        let fixture = try FixtureWorkspace()
        let folder = fixture.content.appendingPathComponent("cases/case-05")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(bytes).write(to: folder.appendingPathComponent(name))
        let caseFile = fixture.content.appendingPathComponent("cases/case-05.md")
        let text = try String(contentsOf: caseFile, encoding: .utf8)
        try (text + "\n详见[通知原文](case-05/\(name))。\n").write(to: caseFile, atomically: true, encoding: .utf8)
        return fixture
    }

    func errors(_ fixture: FixtureWorkspace) async -> [String] {
        do {
            _ = try await fixture.builder.build(into: MemorySink())
            return []
        } catch {
            return error.diagnostics.filter(\.isError).map(\.description)
        }
    }

    @Test func aMobileNumberInAWordDocumentIsAnErrorAtTheLink() async throws {
        let fixture = try workspace("notice.docx", Self.docx(["联系人电话：138", "0013", " 8000"], header: "邮箱 li.si＠example.com"))
        defer { fixture.remove() }
        #expect(
            await errors(fixture) == [
                "content/cases/case-05.md:27:3: error: 附件 case-05/notice.docx 中有手机号码 138****8000\n"
                    + "  hint: 个人信息不能公开：在附件中删除它或改写为打码形式 138****8000，重新导出后替换；或者不再链接这个附件",
                "content/cases/case-05.md:27:3: error: 附件 case-05/notice.docx 中有电子邮箱地址 l***@example.com\n"
                    + "  hint: 个人信息不能公开：在附件中删除它或改写为打码形式 l***@example.com，重新导出后替换；或者不再链接这个附件",
            ])
    }

    @Test func anIDNumberInAnExcelWorkbookIsAnErrorAtTheLink() async throws {
        let fixture = try workspace("list.xlsx", Self.xlsx(shared: ["姓名", "张三 110105 19491231 002X"], inline: "13900001111"))
        defer { fixture.remove() }
        #expect(
            await errors(fixture).map { $0.split(separator: "\n")[0] } == [
                "content/cases/case-05.md:27:3: error: 附件 case-05/list.xlsx 中有手机号码 139****1111",
                "content/cases/case-05.md:27:3: error: 附件 case-05/list.xlsx 中有身份证号码 110105********002X",
            ])
    }

    @Test func aMobileNumberInAPDFIsAnErrorAtTheLink() async throws {
        let fixture = try workspace("notice.pdf", Self.pdf("Tel: +86 138-0013-8000"))
        defer { fixture.remove() }
        #expect(
            await errors(fixture).map { $0.split(separator: "\n")[0] } == [
                "content/cases/case-05.md:27:3: error: 附件 case-05/notice.pdf 中有手机号码 138****8000"
            ])
    }

    @Test func aDamagedPDFIsAnErrorAtTheLinkNeverPassedOver() async throws {
        let fixture = try workspace("broken.pdf", Array("%PDF-1.4\nnot a pdf at all".utf8))
        defer { fixture.remove() }
        #expect(
            await errors(fixture) == [
                "content/cases/case-05.md:27:3: error: 无法读取附件 case-05/broken.pdf 的文字，不能检查其中的个人信息："
                    + "pdftotext 无法读取这个 PDF（文件可能已损坏或加了密码）\n"
                    + "  hint: 用 WPS 或 Office 打开附件另存一份后替换；PDF 请从原文档重新导出"
            ])
    }

    @Test func aDamagedWordDocumentIsAnErrorAtTheLink() async throws {
        let fixture = try workspace("notice.docx", Array("PK not really a zip".utf8))
        defer { fixture.remove() }
        #expect(
            await errors(fixture).map { $0.split(separator: "\n")[0] } == [
                "content/cases/case-05.md:27:3: error: 无法读取附件 case-05/notice.docx 的文字，不能检查其中的个人信息："
                    + "不是 zip 格式的 Office 文件（可能已损坏，或是旧的 .doc/.xls 改了扩展名）"
            ])
    }

    /// A photo that cannot be decoded does not hide what an attachment holds: one run lists both.
    @Test func aDamagedPhotoAndANumberInAnAttachmentAreReportedInOneRun() async throws {
        let fixture = try workspace("notice.docx", Self.docx(["联系人电话：13800138000"]))
        defer { fixture.remove() }
        try PhotoTests.addPictures(
            [("broken.jpg", Array(PhotoTests.street.prefix(PhotoTests.street.count / 3)))], to: fixture.content)
        let found = await errors(fixture)
        #expect(found.count == 2, "\(found)")
        #expect(found.contains { $0.hasPrefix("content/cases/case-05/broken.jpg:1:1: error: 无法解码图片") })
        #expect(found.contains { $0.contains("附件 case-05/notice.docx 中有手机号码 138****8000") })
    }

    @Test func cleanAttachmentsArePublished() async throws {
        let fixture = try workspace("notice.pdf", Self.pdf("Notice 2024-03-18, No. 12"))
        defer { fixture.remove() }
        let word = fixture.content.appendingPathComponent("cases/case-05/plan.docx")
        try Data(Self.docx(["方案〔2024〕12号，", "2024年3月18日"])).write(to: word)
        let caseFile = fixture.content.appendingPathComponent("cases/case-05.md")
        try (try String(contentsOf: caseFile, encoding: .utf8) + "\n[方案](case-05/plan.docx)\n").write(
            to: caseFile, atomically: true, encoding: .utf8)
        let sink = MemorySink()
        _ = try await fixture.builder.build(into: sink)
        let media = await sink.files.keys.filter { $0.hasPrefix("media/cases/case-05/") }
        #expect(media.contains { $0.hasSuffix(".pdf") } && media.contains { $0.hasSuffix(".docx") })
    }
}
