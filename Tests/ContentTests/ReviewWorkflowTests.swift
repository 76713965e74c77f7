import Content
import Core
import Foundation
import Model
import Testing

/// The review workflow (三审三校) as content sees it: statuses, approvals recorded in front
/// matter, and the hash that ties each approval to the body it approved.
@Suite struct ReviewWorkflowTests {
    static let a = InlineSite.base["cases/a.md"]!
    static let b = InlineSite.base["cases/b.md"]!
    /// The body of `cases/a.md`: everything after the closing `---` line, as stored.
    static let aBody = String(a[a.range(of: "---\n", options: .backwards)!.upperBound...])
    static let aHash = SHA256Hash.hex(of: aBody.utf8)

    /// `cases/a.md` with `approvals` written after `author:` (line 9 on), as `portal approve` writes them.
    static func approved(_ entries: [(by: String, role: String, hash: String)], text: String = a) -> String {
        let lines = entries.map {
            "  - by: \($0.by)\n    role: \($0.role)\n    at: 2025-06-01T10:20:00+08:00\n    body_sha256: \($0.hash)\n"
        }
        return text.replacingOccurrences(of: "author: 东湖区市场监管局\n", with: "author: 东湖区市场监管局\napprovals:\n" + lines.joined())
    }

    func diagnostics(_ changes: [String: String?], includeUnpublished: Bool = false) async throws -> [String] {
        let site = try InlineSite(changes)
        defer { site.remove() }
        let loader = ContentLoader(directory: site.root, displayRoot: "content", includeUnpublished: includeUnpublished)
        do {
            return try await loader.load().warnings.map(\.description)
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func hashesTheBodyAfterTheClosingLine() {
        #expect(Self.aBody.hasPrefix("\n推进**“六有”标准化阵地建设**"))
        #expect(Self.aBody.hasSuffix("党员亮身份。\n"))
    }

    @Test func acceptsApprovalsThatMatchTheBody() async throws {
        let text = Self.approved([("李编辑", "初审", Self.aHash), ("王主任", "终审", Self.aHash)])
        let site = try InlineSite(["cases/a.md": text])
        defer { site.remove() }
        let loaded = try await site.load()
        #expect(loaded.warnings.isEmpty)
        let caseStudy = try #require(loaded.portal.cases.first { $0.slug == "a" })
        #expect(caseStudy.publication.approvals.map(\.by) == ["李编辑", "王主任"])
        #expect(caseStudy.publication.approval(.final)?.at.description == "2025-06-01T10:20:00+08:00")
        #expect(caseStudy.publication.approval(.second) == nil)
    }

    @Test func errorsOnABodyChangedAfterApproval() async throws {
        let text = Self.approved([("张三", "终审", Self.aHash)]).replacingOccurrences(of: "党员亮身份。", with: "党员亮身份、亮承诺。")
        #expect(
            try await diagnostics(["cases/a.md": text]) == [
                "content/cases/a.md:10:5: error: 正文在终审（张三）之后被修改，需要重新审核\n  hint: 运行 portal approve content/cases/a.md --by 姓名 --role 终审"
            ])
    }

    @Test func keepsAnApprovalValidWhenTheFileIsSavedWithCRLF() async throws {
        let site = try InlineSite()
        defer { site.remove() }
        let text = Self.approved([("张三", "终审", Self.aHash)]).replacingOccurrences(of: "\n", with: "\r\n")
        try site.write([0xEF, 0xBB, 0xBF] + Array(text.utf8), to: "cases/a.md")
        #expect(try await site.load().warnings.isEmpty)
    }

    @Test func errorsOnAnUnknownRole() async throws {
        #expect(
            try await diagnostics(["cases/a.md": Self.approved([("张三", "主审", Self.aHash)])]) == [
                "content/cases/a.md:11:11: error: 未知的审核角色 '主审'\n  hint: role 只能是 初审、复审、终审"
            ])
    }

    @Test func errorsOnTwoApprovalsOfOneRole() async throws {
        #expect(
            try await diagnostics(["cases/a.md": Self.approved([("张三", "终审", Self.aHash), ("李四", "终审", Self.aHash)])]) == [
                "content/cases/a.md:14:5: error: 终审的审核记录重复，第一次出现在 content/cases/a.md:10:5\n  hint: 每个角色只保留一条审核记录；portal approve 会替换同一角色的旧记录"
            ])
    }

    @Test func errorsOnAHandWrittenHashAndTime() async throws {
        let text = Self.approved([("张三", "终审", "abc")]).replacingOccurrences(of: "10:20:00+08:00", with: "10:20")
        #expect(
            try await diagnostics(["cases/a.md": text]) == [
                "content/cases/a.md:12:9: error: 'at' 不是有效的时间：'2025-06-01T10:20'\n  hint: 写成 2025-06-01T10:20:00+08:00 的形式（日期、T、时分秒、时区）",
                "content/cases/a.md:13:18: error: 'body_sha256' 应为 64 位小写十六进制数字\n  hint: 这个值由 portal approve 计算，不要手工填写",
            ])
    }

    @Test func errorsOnUnknownAndMissingKeysOfAnApproval() async throws {
        let text = Self.approved([("张三", "终审", Self.aHash)]).replacingOccurrences(of: "    at: ", with: "    time: ")
        let found = try await diagnostics(["cases/a.md": text])
        #expect(
            found == [
                "content/cases/a.md:10:5: error: 审核记录缺少必填项 'at'\n  hint: 加一行 'at: …'",
                "content/cases/a.md:12:5: error: 审核记录中有未知的键 'time'\n  hint: 可用的键：by, role, at, body_sha256",
            ])
    }

    @Test func readsApprovalsWrittenAsFlowMappings() async throws {
        let text = Self.a.replacingOccurrences(
            of: "author: 东湖区市场监管局\n",
            with:
                "author: 东湖区市场监管局\napprovals:\n  - {by: 张三, role: 初审, at: 2025-06-01T10:20:00+08:00, body_sha256: \(Self.aHash)}\n"
        )
        let site = try InlineSite(["cases/a.md": text])
        defer { site.remove() }
        let caseStudy = try #require(try await site.load().portal.cases.first { $0.slug == "a" })
        #expect(caseStudy.publication.approval(.first)?.by == "张三")
    }

    @Test func leavesReviewPagesOutOfANormalLoad() async throws {
        let review = Self.b.replacingOccurrences(of: "summary:", with: "status: review\nsummary:")
        let site = try InlineSite([
            "cases/b.md": review, "cases/a.md": Self.a.replacingOccurrences(of: "详见[另一案例](b.md#主要做法)", with: "详见另一案例"),
        ])
        defer { site.remove() }
        let loaded = try await site.load()
        #expect(loaded.portal.cases.map(\.slug) == ["a"])
        let all = try await ContentLoader(directory: site.root, displayRoot: "content", includeUnpublished: true).load()
        #expect(all.portal.cases.map(\.slug) == ["a", "b"])
        #expect(all.portal.cases.last?.publication.status == .review)
    }

    @Test func errorsOnALinkFromAPublishedPageToAReviewPage() async throws {
        let review = Self.b.replacingOccurrences(of: "summary:", with: "status: review\nsummary:")
        #expect(
            try await diagnostics(["cases/b.md": review]) == [
                "content/cases/a.md:11:21: error: 链接指向待审核、尚未发布的页面：b.md#主要做法\n  hint: 等那个页面审核通过、status 改为 published 后再链接，或者删除这个链接"
            ])
    }

    @Test func checksReviewPagesLikeTheOthers() async throws {
        let review = Self.b.replacingOccurrences(of: "sites: []", with: "sites: [site-9]")
            .replacingOccurrences(of: "summary:", with: "status: review\nsummary:")
        #expect(
            try await diagnostics(["cases/b.md": review]) == [
                "content/cases/a.md:11:21: error: 链接指向待审核、尚未发布的页面：b.md#主要做法\n  hint: 等那个页面审核通过、status 改为 published 后再链接，或者删除这个链接",
                "content/cases/b.md:7:9: error: 示范点/联系点 'site-9' 不存在\n  hint: 是不是 'site-01'？",
            ])
    }

    /// A page the build leaves out may be revised after an approval; the build says so without
    /// failing, until the page is built (with `--drafts`, or once it is published).
    @Test func warnsOfAStaleApprovalOnAPageTheBuildLeavesOut() async throws {
        let text = Self.approved([("张三", "初审", Self.aHash)])
            .replacingOccurrences(of: "author: 东湖区市场监管局\n", with: "author: 东湖区市场监管局\nstatus: review\n")
            .replacingOccurrences(of: "党员亮身份。", with: "党员亮身份、亮承诺。")
        let message =
            "content/cases/a.md:11:5: %@: 正文在初审（张三）之后被修改，需要重新审核\n  hint: 运行 portal approve content/cases/a.md --by 姓名 --role 初审"
        let course = InlineSite.base["courses/c.md"]!.replacingOccurrences(of: "[东湖市场](../cases/a.md)", with: "东湖市场")
        let changes = ["cases/a.md": text, "courses/c.md": course]
        #expect(try await diagnostics(changes) == [message.replacingOccurrences(of: "%@", with: "warning")])
        #expect(
            try await diagnostics(changes, includeUnpublished: true) == [
                message.replacingOccurrences(of: "%@", with: "error")
            ])
    }
}
