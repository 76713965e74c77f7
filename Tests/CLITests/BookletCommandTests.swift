import Foundation
import Testing

/// `portal booklet` as the office makes the 汇编 for a meeting: the chosen cases in order, each
/// from the page its contents line says, the text extractable, the fonts embedded, and a
/// mistake in the choice refused in Chinese.
@Suite struct BookletCommandTests {
    func workspace() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-booklet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["content", "templates"] {
            try FileManager.default.copyItem(
                at: PortalProcess.packageRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    static func titles(in folder: URL) throws -> [String: (title: String, district: String, date: String)] {
        var cases: [String: (String, String, String)] = [:]
        let directory = folder.appendingPathComponent("content/cases")
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".md") {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            func field(_ key: String) -> String {
                let line = text.split(separator: "\n").first { $0.hasPrefix("\(key): ") } ?? ""
                return line.dropFirst(key.count + 2).trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
            }
            cases[String(name.dropLast(3))] = (field("title"), field("district"), field("date"))
        }
        return cases
    }

    @Test func typesetsTheChosenCasesInOrderWithTheContentsPageNumbers() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try PortalProcess.run(
            ["booklet", "--tag", "六有", "--title", "“六有”阵地建设典型案例汇编", "--out", "汇编.pdf"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("已把 "), "\(result.standardOutput)")

        let info = try PlatesCommandTests.tool("pdfinfo", ["汇编.pdf"], in: folder)
        #expect(info.contains("(A4)"))
        let fonts = try PlatesCommandTests.tool("pdffonts", ["汇编.pdf"], in: folder).split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        #expect(fonts.allSatisfy { $0.contains(" yes ") }, "every font is embedded: \(fonts)")
        let pages = try PlatesCommandTests.tool("pdftotext", ["-enc", "UTF-8", "汇编.pdf", "-"], in: folder)
            .components(separatedBy: "\u{0C}").dropLast().map { $0 }
        #expect(pages[0].contains("“六有”阵地建设典型案例汇编") && pages[0].contains("江城市市场监督管理局"), "the cover")
        #expect(pages[1].hasPrefix("目录"))

        // The published cases tagged 六有, by district in portal.yaml's order, then by date.
        let districts = ["东湖区", "西津区", "南浦区", "北塘区", "临江区", "云溪区"]
        let all = try Self.titles(in: folder)
        let tagged = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("content/cases").path)
            .filter { $0.hasSuffix(".md") }
            .filter { name in
                let text =
                    (try? String(contentsOf: folder.appendingPathComponent("content/cases/\(name)"), encoding: .utf8)) ?? ""
                return text.contains("六有") && text.contains("\nstatus: published")
                    && text.split(separator: "\n").contains { $0.hasPrefix("tags: ") && $0.contains("六有") }
            }
            .map { String($0.dropLast(3)) }
            .sorted {
                let (a, b) = (all[$0]!, all[$1]!)
                let (left, right) = (districts.firstIndex(of: a.district) ?? 99, districts.firstIndex(of: b.district) ?? 99)
                return left != right ? left < right : a.date < b.date
            }
        #expect(tagged.count >= 2, "the example has cases tagged 六有")
        let contents = pages[1].split(separator: "\n").filter { $0.first?.isNumber == true && $0.contains(". ") }
        #expect(contents.count == tagged.count, "one contents line per case: \(contents)")
        // The contents' page numbers; 2 is the contents page's own, in its footer.
        let numbers = pages[1].split(separator: "\n").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            .filter { $0 != 2 }
        #expect(numbers.count == tagged.count && numbers == numbers.sorted(), "\(numbers)")
        for (position, slug) in tagged.enumerated() {
            let title = all[slug]!.title
            #expect(contents[position].contains(title), "case \(position + 1) is \(title)")
            // Its contents number is the page that starts with its title, its district and date.
            let page = numbers[position]
            let text = pages[page - 1]
            #expect(text.filter { !$0.isWhitespace }.hasPrefix(title.filter { !$0.isWhitespace }), "\(title) starts page \(page)")
            #expect(text.contains(all[slug]!.district))
        }
        // The page number in the footer of a case's page.
        #expect(pages[numbers[0] - 1].trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(String(numbers[0])))
        #expect(!pages.joined().contains("138"), "no phone of the data is printed")
    }

    @Test func typesetsAnA5BookletOfADistrictAndYear() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try PortalProcess.run(
            ["booklet", "--district", "南浦区", "--a5", "--title", "南浦区案例", "--out", "南浦.pdf"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let info = try PlatesCommandTests.tool("pdfinfo", ["南浦.pdf"], in: folder)
        #expect(info.contains("(A5)"), "\(info)")
        let text = try PlatesCommandTests.tool("pdftotext", ["-enc", "UTF-8", "南浦.pdf", "-"], in: folder)
        #expect(text.contains("南浦区汽修一条街"))
        #expect(!text.contains("东湖区水产批发市场："), "only the district's cases")
        // The picture of the Nanpu case is in, at its print width.
        let images = try PlatesCommandTests.tool("pdfimages", ["-list", "南浦.pdf"], in: folder)
        #expect(images.split(separator: "\n").dropFirst(2).contains { $0.contains(" 1600 ") }, "\(images)")
    }

    /// A draft of the district is left out; a phone number in a case stops the booklet, as it
    /// stops the build.
    @Test func leavesOutDraftsAndPrintsNoPersonalData() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let linjiang = try PortalProcess.run(["booklet", "--district", "临江区", "--out", "临江.pdf"], in: folder)
        #expect(linjiang.status == 0, "\(linjiang.standardError)")
        let printed = try PlatesCommandTests.tool("pdftotext", ["-enc", "UTF-8", "临江.pdf", "-"], in: folder)
        #expect(printed.contains("临江区物流园"))
        #expect(!printed.contains("安全哨"), "the district's draft is not printed")

        let file = folder.appendingPathComponent("content/cases/linjiang-logistics-park.md")
        let source = try String(contentsOf: file, encoding: .utf8)
        try source.replacingOccurrences(of: "\nauthor: ", with: "\nauthor: 13912345678 ").write(
            to: file, atomically: true, encoding: .utf8)
        let phone = try PortalProcess.run(["booklet", "--district", "临江区", "--out", "电话.pdf"], in: folder)
        #expect(phone.status == 1)
        #expect(phone.standardError.contains("手机号码 139****5678"), "\(phone.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("电话.pdf").path))
    }

    @Test func refusesAnUnknownTagAndDistrictAndAnEmptyChoice() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let unknown = try PortalProcess.run(["booklet", "--tag", "六有阵地", "--district", "东湖", "--out", "x.pdf"], in: folder)
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("x.pdf:1:1: error: 没有已发布的案例带标签 '六有阵地'\n"), "\(unknown.standardError)")
        #expect(unknown.standardError.contains("x.pdf:1:1: error: 未知的区 '东湖'\n  hint: 是不是 '东湖区'？\n"))
        #expect(unknown.standardError.hasSuffix("没有写出 x.pdf\n"))
        let empty = try PortalProcess.run(["booklet", "--year", "1999", "--out", "x.pdf"], in: folder)
        #expect(empty.status == 1)
        #expect(empty.standardError.contains("error: 没有符合条件（1999年）的已发布案例"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.pdf").path))
    }
}
