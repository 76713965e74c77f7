import Foundation
import Testing

/// `portal approve` and the review workflow as an author meets it on the command line.
@Suite struct ApproveCommandTests {
    static let frontMatter = """
        ---
        title: 审核测试案例
        date: 2025-05-01
        district: 东湖区
        category: 专业市场   # 类别
        tags: [六有]
        sites: []
        author: 东湖区市场监管局
        # 摘要由编辑填写
        summary: 审核流程测试。

        """
    static let body = "\n正文第一段，推进“六有”阵地建设。\n\n## 做法\n\n- 一\n"
    /// `sha256sum` of `body`.
    static let bodyHash = "996e4fcdd2da7180127c6f4e1059dc75727ced442172a5dfb69fb40008f7b6a8"
    static let text = frontMatter + "---\n" + body
    static let path = "content/cases/review-test.md"

    static func entry(_ by: String, _ role: String, _ at: String, hash: String = bodyHash) -> String {
        "  - by: \(by)\n    role: \(role)\n    at: \(at)\n    body_sha256: \(hash)\n"
    }

    /// A copy of the example portal with `text` as one more case.
    func workspace(_ text: String = text, requiringReview: Bool = false) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-approve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["content", "templates"] {
            try FileManager.default.copyItem(
                at: PortalProcess.packageRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        try Data(text.utf8).write(to: folder.appendingPathComponent(Self.path))
        if requiringReview { return folder }
        // These tests are about what approve writes and how a changed body is caught; the
        // example portal's requirement of 初审 and 终审 is tested where review is.
        let config = folder.appendingPathComponent("content/portal.yaml")
        let lines = try String(contentsOf: config, encoding: .utf8).components(separatedBy: "\n")
        var kept: [String] = []
        var inReview = false
        for line in lines {
            if line.hasPrefix("review:") {
                inReview = true
                continue
            }
            if inReview, line.hasPrefix(" ") { continue }
            inReview = false
            kept.append(line)
        }
        try kept.joined(separator: "\n").write(to: config, atomically: true, encoding: .utf8)
        return folder
    }

    func contents(_ folder: URL) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(Self.path), encoding: .utf8)
    }

    @Test func writesTheApprovalIntoTheFrontMatterAndNothingElse() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try PortalProcess.run(
            ["approve", Self.path, "--by", "张三", "--at", "2025-06-01T10:20:00+08:00"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "已记录终审：张三，2025-06-01T10:20:00+08:00\n")
        #expect(result.standardError == "")
        #expect(
            try contents(folder)
                == Self.frontMatter + "approvals:\n" + Self.entry("张三", "终审", "2025-06-01T10:20:00+08:00") + "---\n" + Self.body)
    }

    @Test func appendsOtherRolesAndReplacesTheSameRoleInPlace() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        for arguments in [
            ["--by", "张三", "--at", "2025-06-01T10:20:00+08:00"],
            ["--by", "李四", "--role", "初审", "--at", "2025-06-02T09:00:00+08:00"],
        ] {
            let result = try PortalProcess.run(["approve", Self.path] + arguments, in: folder)
            #expect(result.status == 0, "\(result.standardError)")
        }
        let again = try PortalProcess.run(
            ["approve", Self.path, "--by", "王五", "--role", "终审", "--at", "2025-06-03T16:45:00+08:00"], in: folder)
        #expect(again.standardOutput == "已记录终审：王五，2025-06-03T16:45:00+08:00（替换了 张三 2025-06-01T10:20:00+08:00 的终审记录）\n")
        #expect(
            try contents(folder)
                == Self.frontMatter + "approvals:\n" + Self.entry("王五", "终审", "2025-06-03T16:45:00+08:00")
                + Self.entry("李四", "初审", "2025-06-02T09:00:00+08:00") + "---\n" + Self.body)
    }

    @Test func keepsCRLFLineEndsTheByteOrderMarkAndTheBodyBytes() throws {
        let crlf = Self.text.replacingOccurrences(of: "\n", with: "\r\n")
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(Self.path)
        try Data([0xEF, 0xBB, 0xBF] + Array(crlf.utf8)).write(to: file)
        let result = try PortalProcess.run(
            ["approve", Self.path, "--by", "张三", "--at", "2025-06-01T10:20:00+08:00"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let expected =
            Self.frontMatter + "approvals:\n" + Self.entry("张三", "终审", "2025-06-01T10:20:00+08:00") + "---\n" + Self.body
        #expect(
            try Data(contentsOf: file)
                == Data([0xEF, 0xBB, 0xBF] + Array(expected.replacingOccurrences(of: "\n", with: "\r\n").utf8)))
        // The example portal requires 初审 too.
        let first = try PortalProcess.run(["approve", Self.path, "--by", "李四", "--role", "初审"], in: folder)
        #expect(first.status == 0, "\(first.standardError)")
        let check = try PortalProcess.run(["check"], in: folder)
        #expect(check.status == 0, "\(check.standardError)")
    }

    @Test func failsTheBuildWhenTheBodyChangesAfterApprovalUntilApprovedAgain() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try PortalProcess.run(["approve", Self.path, "--by", "张三", "--at", "2025-06-01T10:20:00+08:00"], in: folder)
        // The example portal requires 初审 too.
        _ = try PortalProcess.run(
            ["approve", Self.path, "--by", "李四", "--role", "初审", "--at", "2025-06-01T09:00:00+08:00"], in: folder)
        let file = folder.appendingPathComponent(Self.path)
        try contents(folder).replacingOccurrences(of: "- 一\n", with: "- 一\n- 二\n").write(
            to: file, atomically: true, encoding: .utf8)

        let message = """
            content/cases/review-test.md:12:5: error: 正文在终审（张三）之后被修改，需要重新审核
              hint: 运行 portal approve content/cases/review-test.md --by 姓名 --role 终审
            content/cases/review-test.md:16:5: error: 正文在初审（李四）之后被修改，需要重新审核
              hint: 运行 portal approve content/cases/review-test.md --by 姓名 --role 初审
            2 个错误

            """
        let build = try PortalProcess.run(["build"], in: folder)
        #expect(build.status == 1)
        #expect(build.standardError == message + "构建失败，site/ 未改动\n")
        let check = try PortalProcess.run(["check"], in: folder)
        #expect(check.status == 1)
        #expect(check.standardError == message)

        for role in ["终审", "初审"] {
            let approve = try PortalProcess.run(
                ["approve", Self.path, "--by", "张三", "--role", role, "--at", "2025-06-04T08:00:00+08:00"], in: folder)
            #expect(approve.status == 0, "\(approve.standardError)")
        }
        #expect(try contents(folder).contains("body_sha256: a05734c0ceb2fe7968c4f973fa7ec491e344b84555bf71b2c8b882e230b67426\n"))
        let rebuilt = try PortalProcess.run(["build"], in: folder)
        #expect(rebuilt.status == 0, "\(rebuilt.standardError)")
    }

    @Test func refusesAFileWithErrorsAndLeavesItAlone() throws {
        let broken = Self.text.replacingOccurrences(of: "district: 东湖区", with: "district: 东湖")
        let folder = try workspace(broken)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try PortalProcess.run(["approve", Self.path, "--by", "张三"], in: folder)
        #expect(result.status == 1)
        #expect(
            result.standardError == """
                content/cases/review-test.md:4:11: error: 未知的区 '东湖'
                  hint: 是不是 '东湖区'？
                1 个错误
                未记录审核，content/cases/review-test.md 未改动

                """)
        #expect(try contents(folder) == broken)
    }

    @Test func refusesAnUnknownRoleAndFilesOutsideThePageFolders() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let role = try PortalProcess.run(["approve", Self.path, "--by", "张三", "--role", "主审"], in: folder)
        #expect(role.status != 0)
        #expect(role.standardError.hasPrefix("error: 选项 --role：未知的审核角色 '主审'\n  hint: "))
        #expect(role.standardError.contains("可用的审核角色：初审、复审、终审"))
        let data = try PortalProcess.run(["approve", "content/portal.yaml", "--by", "张三"], in: folder)
        #expect(data.status == 1)
        #expect(
            data.standardError.hasPrefix(
                "content/portal.yaml:1:1: error: 只能审核内容目录中 cases/、courses/、pages/、news/、notices/ 或 policies/ 下的 .md 文件\n"))
        #expect(try contents(folder) == Self.text)
    }

    @Test func refusesToBuildDraftsIntoTheDefaultOutput() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (arguments, output) in [(["build", "--drafts"], "site"), (["build", "--drafts", "--output", "./site/"], "./site")] {
            let result = try PortalProcess.run(arguments, in: folder)
            #expect(result.status == 1)
            #expect(
                result.standardError == """
                    error: 选项 --output：--drafts 不能构建到默认输出目录 site/
                      hint: 草稿只用于审核预览：用 --output 指定另一个目录，如 portal build --drafts --output preview
                    1 个错误
                    构建失败，\(output)/ 未改动

                    """)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("site").path))
    }

    @Test func buildsDraftsUnderABannerIntoAnotherFolder() throws {
        let folder = try workspace(
            Self.text.replacingOccurrences(of: "summary:", with: "status: review\nsummary:"), requiringReview: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try PortalProcess.run(["build", "--drafts", "--output", "preview"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let review = try String(
            contentsOf: folder.appendingPathComponent("preview/cases/review-test/index.html"), encoding: .utf8)
        #expect(review.contains(#"<p class="status-banner" role="note"><strong>待审核</strong>本页正在审核，尚未发布。发布前还需：初审、终审。</p>"#))
        let draft = try String(
            contentsOf: folder.appendingPathComponent("preview/cases/linjiang-night-market-fire-safety/index.html"),
            encoding: .utf8)
        #expect(draft.contains(#"<p class="status-banner is-draft" role="note"><strong>草稿</strong>"#))
        let published = try String(
            contentsOf: folder.appendingPathComponent("preview/cases/donghu-market-red-station/index.html"), encoding: .utf8)
        #expect(!published.contains("status-banner"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("site").path))

        let normal = try PortalProcess.run(["build"], in: folder)
        #expect(normal.status == 0, "\(normal.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/cases/review-test").path))
        let csv = try String(contentsOf: folder.appendingPathComponent("site/register/register.csv"), encoding: .utf8)
        #expect(!csv.contains("审核测试案例"))
    }
}
