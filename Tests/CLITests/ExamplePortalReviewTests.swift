import Foundation
import Testing

/// The example portal requires 初审 and 终审 (`review:` in its `portal.yaml`), and every page it
/// publishes carries both, recorded by `portal approve`.
@Suite struct ExamplePortalReviewTests {
    func workspace() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["content", "templates"] {
            try FileManager.default.copyItem(
                at: PortalProcess.packageRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    @Test func aCaseWhoseApprovalsAreRemovedFailsUntilTheHintsCommandsAreRun() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = "content/cases/donghu-market-red-station.md"
        let url = folder.appendingPathComponent(path)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex(of: "approvals:"))
        let end = try #require(lines[start...].firstIndex(of: "---"))
        try (lines[..<start] + lines[end...]).joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        let statusLine = try #require(lines.firstIndex(of: "status: published")) + 1

        let refused = try PortalProcess.run(["check"], in: folder)
        #expect(refused.status == 1)
        #expect(
            refused.standardError == """
                \(path):\(statusLine):9: error: 已发布的案例缺少审核：初审、终审
                  hint: 审核人读过全文后运行：portal approve \(path) --by 姓名 --role 初审；portal approve \(path) --by 姓名 --role 终审；审核完成前写 status: review
                1 个错误

                """)
        for (name, role) in [("张敏", "初审"), ("刘建国", "终审")] {
            let approved = try PortalProcess.run(["approve", path, "--by", name, "--role", role], in: folder)
            #expect(approved.status == 0, "\(approved.standardError)")
        }
        let passed = try PortalProcess.run(["check"], in: folder)
        #expect(passed.status == 0, "\(passed.standardError)")
    }

    @Test func theRegisterShowsBothApprovalsOfEveryPublishedPage() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try PortalProcess.run(["build"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let csv = try String(contentsOf: folder.appendingPathComponent("site/register/register.csv"), encoding: .utf8)
        let rows = csv.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        // 15 published cases (one is a draft), 3 courses, 2 pages, 3 news, 2 notices, 2 policies.
        #expect(rows.count == 14 + 3 + 2 + 3 + 2 + 2)
        for row in rows {
            #expect(
                row.range(
                    of: #",张敏,20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00,,,刘建国,20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00,"#,
                    options: .regularExpression) != nil, "\(row)")
        }
        let page = try String(contentsOf: folder.appendingPathComponent("site/register/index.html"), encoding: .utf8)
        let cells = #"<td>张敏<br><time datetime="[^"]+">[^<]+</time></td><td></td><td>刘建国<br><time"#
        #expect(page.ranges(of: try Regex(cells)).count == rows.count)
    }

    /// Drafts are not published, so they need no approval; their preview tells the reviewer
    /// what publication will need.
    @Test func aDraftsPreviewBannerNamesTheReviewsItStillNeeds() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try PortalProcess.run(["build", "--drafts", "--output", "preview"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let page = try String(
            contentsOf: folder.appendingPathComponent("preview/cases/linjiang-night-market-fire-safety/index.html"),
            encoding: .utf8)
        #expect(page.contains("<strong>草稿</strong>本页是草稿，尚未送审，不会发布。发布前还需：初审、终审。</p>"))
    }
}
