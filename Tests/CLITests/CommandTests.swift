import Foundation
import Testing

@Suite struct CommandTests {
    /// A copy of the example portal's content in a fresh folder, with the project's templates.
    func workspace() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: PortalProcess.packageRoot.appendingPathComponent("content"), to: folder.appendingPathComponent("content"))
        try FileManager.default.copyItem(
            at: PortalProcess.packageRoot.appendingPathComponent("templates"), to: folder.appendingPathComponent("templates"))
        return folder
    }

    @Test func checksTheExamplePortalWithoutAComplaint() throws {
        let result = try PortalProcess.run(["check"])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(result.standardOutput.hasPrefix("检查通过："))
    }

    @Test func buildsTheExamplePortalIntoSite() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try PortalProcess.run(["build"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("到 site/"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/index.html").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/feed.xml").path))
    }

    @Test func aQuietBuildPrintsOnlyProblems() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try PortalProcess.run(["build", "--quiet"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "" && result.standardError == "")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/index.html").path))
    }

    @Test func exportsTheExamplePortalAsAZipForAPathOfAnotherSite() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let zip = folder.appendingPathComponent("xgz.zip")
        let wrong = try PortalProcess.run(["export", "--zip", "xgz.zip", "--base-path", "zhuanlan"], in: folder)
        #expect(wrong.status == 1)
        #expect(wrong.standardError.hasPrefix("error: 选项 --base-path：网站路径 'zhuanlan' 无效"))
        #expect(!FileManager.default.fileExists(atPath: zip.path), "nothing is written when the build fails")

        let result = try PortalProcess.run(["export", "--zip", "xgz.zip", "--base-path", "/zhuanlan/xgz/"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasSuffix("到 xgz.zip，网站路径 /zhuanlan/xgz/\n"))
        let bytes = try Data(contentsOf: zip)
        #expect(bytes.starts(with: [0x50, 0x4b, 0x03, 0x04]), "a zip file")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("site").path), "site/ is left alone")
    }

    @Test func printsErrorsLikeACompilerAndExitsNonZero() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let caseFile = folder.appendingPathComponent("content/cases/donghu-market-red-station.md")
        let text = try String(contentsOf: caseFile, encoding: .utf8)
        try text.replacingOccurrences(of: "district: 东湖区", with: "district: 东湖")
            .replacingOccurrences(of: "category: 专业市场", with: "category: 市场")
            .write(to: caseFile, atomically: true, encoding: .utf8)
        let result = try PortalProcess.run(["build"], in: folder)
        #expect(result.status == 1)
        #expect(
            result.standardError == """
                content/cases/donghu-market-red-station.md:4:11: error: 未知的区 '东湖'
                  hint: 是不是 '东湖区'？
                content/cases/donghu-market-red-station.md:5:11: error: 未知的类别 '市场'
                  hint: category 须是 portal.yaml 中的一个：小微企业、个体工商户、专业市场
                2 个错误
                构建失败，site/ 未改动

                """)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("site").path))
    }

    @Test func checkWritesNothing() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let result = try PortalProcess.run(["check", "--content", "content/"], in: folder)
        #expect(result.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == before)
    }

    @Test func rendersMarkdownFromStandardInput() throws {
        let result = try PortalProcess.run(["render"], input: "## 办理流程\n\n推进**“六有”阵地**建设\n")
        #expect(result.status == 0)
        #expect(result.standardOutput == "<h2 id=\"办理流程\">办理流程</h2>\n<p>推进<strong>“六有”阵地</strong>建设</p>\n")
    }

    @Test func rendersPlainCommonMarkWhenAsked() throws {
        let result = try PortalProcess.run(["render", "--commonmark"], input: "## 办理流程\n\n推进**“六有”阵地**建设\n<b>x</b>\n")
        #expect(
            result.standardOutput == "<h2>办理流程</h2>\n<p>推进**“六有”阵地**建设\n<!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n"
        )
        let unsafe = try PortalProcess.run(
            ["render", "--commonmark", "--unsafe", "--cjk-emphasis"], input: "推进**“六有”阵地**建设<b>x</b>\n")
        #expect(unsafe.standardOutput == "<p>推进<strong>“六有”阵地</strong>建设<b>x</b></p>\n")
    }
}
