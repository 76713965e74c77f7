import Foundation
import Testing

/// `portal plates` as the print shop's file is made: one PDF page per plate at its real size,
/// the text and fonts in it, QR codes a reader decodes, and a mistake refused in Chinese.
@Suite struct PlatesCommandTests {
    func workspace() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-plates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: PortalProcess.packageRoot.appendingPathComponent("content"), to: folder.appendingPathComponent("content"))
        try FileManager.default.copyItem(
            at: PortalProcess.packageRoot.appendingPathComponent("templates"), to: folder.appendingPathComponent("templates"))
        return folder
    }

    static func tool(_ name: String, _ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func printsADistrictsPlatesOneAPageWithTextFontsAndReadableCodes() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try PortalProcess.run(["plates", "--district", "东湖区", "--out", "东湖区公示牌.pdf"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "已把东湖区的 9 块A4 公示牌印到 东湖区公示牌.pdf\n")

        let info = try Self.tool("pdfinfo", ["东湖区公示牌.pdf"], in: folder)
        #expect(info.contains("Pages:           9"))
        #expect(info.contains("(A4)"))
        let fonts = try Self.tool("pdffonts", ["东湖区公示牌.pdf"], in: folder).split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        #expect(fonts.allSatisfy { $0.contains(" yes ") }, "every font is embedded: \(fonts)")
        let text = try Self.tool("pdftotext", ["-enc", "UTF-8", "东湖区公示牌.pdf", "-"], in: folder)
        let pages = text.components(separatedBy: "\u{0C}")
        #expect(pages[0].contains("“小个专”党建示范点"), "the district's sites come first")
        #expect(pages.contains { $0.contains("秀英水产档") && $0.contains("扫码看承诺") && $0.contains("江城市市场监督管理局") })
        #expect(!text.contains("138"), "no phone of members.yaml is printed")

        _ = try Self.tool("pdftoppm", ["-r", "150", "-png", "-f", "1", "-l", "1", "东湖区公示牌.pdf", "page"], in: folder)
        let page = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).first {
                $0.hasPrefix("page") && $0.hasSuffix(".png")
            })
        let code = try Self.tool("zbarimg", ["--raw", "-q", page], in: folder)
        #expect(code == "https://xgz.example.gov.cn/sites/site-01/\n")
    }

    @Test func printsServiceCardsAtTheirSize() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try PortalProcess.run(["plates", "--district", "东湖区", "--size", "card", "--out", "卡.pdf"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let info = try Self.tool("pdfinfo", ["卡.pdf"], in: folder)
        #expect(info.contains("Pages:           7"))
        #expect(info.contains("242.") && info.contains("x 153."), "85.6 × 54 mm: \(info)")
    }

    @Test func refusesAnUnknownDistrictAndAPhoneInACommitment() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let unknown = try PortalProcess.run(["plates", "--district", "东湖", "--out", "x.pdf"], in: folder)
        #expect(unknown.status == 1)
        #expect(unknown.standardError.hasPrefix("x.pdf:1:1: error: 未知的区 '东湖'\n  hint: 是不是 '东湖区'？\n"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.pdf").path))

        let members = folder.appendingPathComponent("content/data/members.yaml")
        let text = try String(contentsOf: members, encoding: .utf8)
        try text.replacingOccurrences(of: "秤准货真", with: "有事打 13912345678，秤准货真").write(
            to: members, atomically: true, encoding: .utf8)
        let leaked = try PortalProcess.run(["plates", "--district", "东湖区", "--only", "members", "--out", "y.pdf"], in: folder)
        #expect(leaked.status == 1)
        #expect(leaked.standardError.contains("y.pdf:1:1: error: PDF 中有手机号码 139****5678，没有写出"), "\(leaked.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("y.pdf").path))
    }
}
