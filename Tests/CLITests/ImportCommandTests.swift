import Foundation
import Testing

/// `portal import` run as a user would: a dry run writes nothing, an import writes and says
/// what it did, a sheet with a mistake is refused with the cell to fix.
@Suite struct ImportCommandTests {
    static let fixtures = PortalProcess.packageRoot.appendingPathComponent("Tests/ImportTests/Fixtures")

    /// A copy of the example content and a spreadsheet beside it.
    func workspace() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-import-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: PortalProcess.packageRoot.appendingPathComponent("content"), to: folder.appendingPathComponent("content"))
        try FileManager.default.copyItem(
            at: Self.fixtures.appendingPathComponent("members.xlsx"), to: folder.appendingPathComponent("members.xlsx"))
        return folder
    }

    func members(_ folder: URL) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("content/data/members.yaml"), encoding: .utf8)
    }

    @Test func aDryRunListsTheChangesAndWritesNothing() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try members(folder)
        let result = try PortalProcess.run(["import", "members", "members.xlsx", "--dry-run"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardOutput.hasPrefix("--- content/data/members.yaml\n+++ content/data/members.yaml\n@@ -7,5 +7,5 @@\n"))
        #expect(result.standardOutput.contains("\n+- id: m-021\n"))
        #expect(
            result.standardOutput.hasSuffix(
                "content/data/members.yaml：新增 1 条，更新 1 条，未变 1 条\n表格中没有的 18 条保留未动："
                    + (3...20).map { String(format: "m-%03d", $0) }.joined(separator: "、") + "\n试运行：没有写入任何文件\n"))
        #expect(try members(folder) == before)
    }

    @Test func importsAndSaysWhatItDid() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try PortalProcess.run(["import", "members", "members.xlsx"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("content/data/members.yaml：新增 1 条，更新 1 条，未变 1 条\n"))
        #expect(try members(folder).contains("- id: m-021\n  name: \"王小明\"\n"))
        let again = try PortalProcess.run(["import", "members", "members.xlsx"], in: folder)
        #expect(again.standardOutput.hasPrefix("content/data/members.yaml：新增 0 条，更新 0 条，未变 3 条\n"))
    }

    @Test func refusesASheetWithAMistakeNamingTheCell() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("编号,姓名,店铺,所属区,所属站点,入党时间\nm-101,张三,张三小卖部,东湖,site-01,2001\n".utf8).write(
            to: folder.appendingPathComponent("m.csv"))
        let before = try members(folder)
        let result = try PortalProcess.run(["import", "members", "m.csv"], in: folder)
        #expect(result.status == 1)
        #expect(
            result.standardError == """
                m.csv:2:4: error: 第 2 行“所属区”列：未知的区 '东湖'
                  hint: 是不是 '东湖区'？
                1 个错误
                导入失败，content/data/members.yaml 未改动

                """)
        #expect(result.standardOutput == "")
        #expect(try members(folder) == before)
    }

    @Test func readsTheSheetNamedAndTheMappingFile() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("承诺内容: commitment\n".utf8).write(to: folder.appendingPathComponent("mapping.yaml"))
        let result = try PortalProcess.run(
            ["import", "members", "members.xlsx", "--sheet", "另一个表", "--mapping", "mapping.yaml", "--content", "content/"],
            in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("content/data/members.yaml：新增 0 条，更新 0 条，未变 1 条\n"))
    }
}

/// `portal import coverage` and `portal import scores` as a user runs them, a mistake included.
@Suite struct CoverageImportCommandTests {
    @Test func importsACountAndItsClustersAndTheSiteBuildsWithThem() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-import-cov-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: PortalProcess.packageRoot.appendingPathComponent("content"), to: folder.appendingPathComponent("content"))
        try FileManager.default.copyItem(
            at: ImportCommandTests.fixtures.appendingPathComponent("coverage.xlsx"),
            to: folder.appendingPathComponent("统计.xlsx"))

        let counts = try PortalProcess.run(["import", "coverage", "统计.xlsx"], in: folder)
        #expect(counts.status == 0, "\(counts.standardError)")
        #expect(
            counts.standardOutput
                == "content/data/coverage.yaml：新增 18 条，更新 0 条，未变 0 条\n"
                + "新的统计（截至 2026-12-01）沿用 2026-11-30 的 9 个集聚区；有变化时用 portal import coverage 表格 --clusters --as-of 2026-12-01 导入\n")

        let badDate = try PortalProcess.run(
            ["import", "coverage", "统计.xlsx", "--sheet", "集聚区", "--clusters", "--as-of", "2026-12-32"], in: folder)
        #expect(badDate.status == 64)
        #expect(badDate.standardError.hasPrefix("错误：--as-of '2026-12-32' 不是有效的日期，写成 YYYY-MM-DD，如 2026-11-30\n"))

        let clusters = try PortalProcess.run(
            ["import", "coverage", "统计.xlsx", "--sheet", "集聚区", "--clusters", "--as-of", "2026-12-01"], in: folder)
        #expect(clusters.status == 0, "\(clusters.standardError)")
        #expect(clusters.standardOutput.hasPrefix("content/data/coverage.yaml：新增 1 条，更新 1 条，未变 0 条\n"))

        try Data("年度,区县,体制机制\n2025,东湖区,17\n".utf8).write(to: folder.appendingPathComponent("分数.csv"))
        let scores = try PortalProcess.run(["import", "scores", "分数.csv"], in: folder)
        #expect(scores.status == 0, "\(scores.standardError)")
        #expect(scores.standardOutput.hasPrefix("content/data/assessment.yaml：新增 0 条，更新 1 条，未变 0 条\n"))

        let templates = PortalProcess.packageRoot.appendingPathComponent("templates").path
        let build = try PortalProcess.run(["build", "--templates", templates, "--output", "site"], in: folder)
        #expect(build.status == 0, "\(build.standardError)")
        let page = try String(contentsOf: folder.appendingPathComponent("site/coverage/index.html"), encoding: .utf8)
        #expect(page.contains("临江物流园"))
        #expect(page.contains("2026-12-01") || page.contains("2026年12月1日"))
    }
}
