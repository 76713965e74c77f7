import Content
import Core
import Foundation
import Testing

/// `review: {required: […]}` in `portal.yaml`: a published page needs an approval of each
/// required role, of the body it has now.
@Suite struct RequiredReviewTests {
    static let base = InlineSite.base
    static let a = base["cases/a.md"]!
    static let noReview = "review: {required: []}\n"
    static let firstAndFinal = "review: {required: [初审, 终审]}\n"

    /// `text` with an approval of each of `roles` written before the closing `---`, each of the
    /// body of `approvedText` (the text itself unless given).
    static func approving(_ text: String, _ roles: [String], asOf approvedText: String? = nil) -> String {
        let approved = approvedText ?? text
        let body = approved[approved.range(of: "\n---\n")!.upperBound...]
        let hash = SHA256Hash.hex(of: body.utf8)
        let entries = roles.map {
            "  - by: 审核人\($0)\n    role: \($0)\n    at: 2025-06-01T10:20:00+08:00\n    body_sha256: \(hash)\n"
        }
        let closing = text.range(of: "\n---\n")!
        return String(text[..<closing.upperBound].dropLast(4)) + "approvals:\n" + entries.joined() + "---\n"
            + text[closing.upperBound...]
    }

    /// The base site requiring 初审 and 终审, every page approved at both, with `changes`.
    static func site(_ changes: [String: String?], review: String = firstAndFinal) -> [String: String?] {
        var files: [String: String?] = ["portal.yaml": base["portal.yaml"]!.replacingOccurrences(of: noReview, with: review)]
        for path in ["cases/a.md", "cases/b.md", "courses/c.md", "pages/about.md"] {
            files[path] = approving(base[path]!, ["初审", "终审"])
        }
        for (path, text) in changes { files[path] = text }
        return files
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

    /// What loading says about `portal.yaml` when its review setting is `review`.
    func configDiagnostics(_ review: String) async throws -> [String] {
        try await diagnostics(Self.site([:], review: review)).filter { $0.hasPrefix("content/portal.yaml") }
    }

    static let withStatus = a.replacingOccurrences(of: "author: 东湖区市场监管局\n", with: "author: 东湖区市场监管局\nstatus: published\n")

    @Test func acceptsPublishedPagesWithEveryRequiredApproval() async throws {
        #expect(try await diagnostics(Self.site([:])).isEmpty)
    }

    @Test func aPublishedCaseWithOnlyTheFirstReviewFailsAtItsStatusNamingTheFinalOne() async throws {
        #expect(
            try await diagnostics(Self.site(["cases/a.md": Self.approving(Self.withStatus, ["初审"])])) == [
                "content/cases/a.md:9:9: error: 已发布的案例缺少审核：终审\n"
                    + "  hint: 审核人读过全文后运行：portal approve content/cases/a.md --by 姓名 --role 终审；审核完成前写 status: review"
            ])
    }

    @Test func aPageWithoutAStatusLineIsPublishedAndFailsAtItsFirstLine() async throws {
        #expect(
            try await diagnostics(Self.site(["pages/about.md": Self.base["pages/about.md"]!])) == [
                "content/pages/about.md:1:1: error: 已发布的页面缺少审核：初审、终审\n"
                    + "  hint: 审核人读过全文后运行：portal approve content/pages/about.md --by 姓名 --role 初审；"
                    + "portal approve content/pages/about.md --by 姓名 --role 终审；审核完成前写 status: review"
            ])
    }

    /// An approval of the body before an edit is not one of the body now: each says so at its
    /// own entry, once, with the command that renews it, and nothing is called missing besides.
    @Test func approvalsOfAnOlderBodyDoNotCount() async throws {
        let edited = Self.a.replacingOccurrences(of: "党员亮身份。", with: "党员亮身份、亮承诺。")
        #expect(
            try await diagnostics(Self.site(["cases/a.md": Self.approving(edited, ["初审", "终审"], asOf: Self.a)])) == [
                "content/cases/a.md:10:5: error: 正文在初审（审核人初审）之后被修改，需要重新审核\n"
                    + "  hint: 运行 portal approve content/cases/a.md --by 姓名 --role 初审",
                "content/cases/a.md:14:5: error: 正文在终审（审核人终审）之后被修改，需要重新审核\n"
                    + "  hint: 运行 portal approve content/cases/a.md --by 姓名 --role 终审",
            ])
    }

    @Test func aSecondReviewIsNotNeededUnlessRequired() async throws {
        let all = "review: {required: [初审, 复审, 终审]}\n"
        let missing = try await diagnostics(Self.site([:], review: all))
        #expect(missing.count == 4)
        #expect(missing.allSatisfy { $0.contains("缺少审核：复审\n") })
    }

    @Test func draftsAndPagesUnderReviewNeedNoApprovals() async throws {
        let b = Self.base["cases/b.md"]!
        let changes = Self.site([
            "cases/d.md": b.replacingOccurrences(of: "summary:", with: "status: draft\nsummary:"),
            "cases/e.md": b.replacingOccurrences(of: "summary:", with: "status: review\nsummary:"),
        ])
        #expect(try await diagnostics(changes).isEmpty)
        #expect(try await diagnostics(changes, includeUnpublished: true).isEmpty)
    }

    @Test func withoutTheSettingWarnsOnceCountingThePublishedPagesWithNoApproval() async throws {
        let portal = Self.base["portal.yaml"]!.replacingOccurrences(of: Self.noReview, with: "")
        let warning =
            "content/portal.yaml:1:1: warning: %d 个已发布页面没有审核记录，门户没有要求发布前审核\n"
            + "  hint: 在 portal.yaml 中加一行 review: {required: [初审, 终审]}，已发布的页面就必须先经审核（portal approve）"
        #expect(try await diagnostics(["portal.yaml": portal]) == [String(format: warning, 4)])
        let oneApproved = ["portal.yaml": portal, "cases/a.md": Self.approving(Self.a, ["终审"])]
        #expect(try await diagnostics(oneApproved) == [String(format: warning, 3)])
    }

    @Test func anEmptyListOfRequiredReviewsKeepsReviewOptionalWithoutAWarning() async throws {
        #expect(try await diagnostics([:]).isEmpty)
    }

    @Test func readsTheRequiredRolesInTheOrderOfReview() async throws {
        let site = try InlineSite(Self.site([:], review: "review:\n  required: [终审, 初审]\n"))
        defer { site.remove() }
        #expect(try await site.load().portal.config.requiredReviews == [.first, .final])
    }

    // One fixture per message of the setting.

    @Test func errorsOnAnUnknownRole() async throws {
        #expect(
            try await configDiagnostics("review: {required: [初审, 三审, 终审]}\n") == [
                "content/portal.yaml:13:25: error: 未知的审核角色 '三审'\n  hint: 是不是 '初审'？"
            ])
        #expect(
            try await configDiagnostics("review: {required: [初审, 主编审定]}\n") == [
                "content/portal.yaml:13:25: error: 未知的审核角色 '主编审定'\n  hint: required 只能列出 初审、复审、终审"
            ])
    }

    @Test func errorsOnARoleListedTwice() async throws {
        #expect(
            try await configDiagnostics("review: {required: [初审, 终审, 终审]}\n") == [
                "content/portal.yaml:13:29: error: 审核角色 '终审' 重复，第一次出现在 content/portal.yaml:13:25\n  hint: 每个审核角色只列一次"
            ])
    }

    @Test func errorsOnASettingThatIsNotAMapping() async throws {
        #expect(
            try await configDiagnostics("review: 终审\n") == [
                "content/portal.yaml:13:9: error: 审核设置应为“键: 值”形式的映射，这里是 文字\n  hint: 每行写一项：键: 值"
            ])
    }

    @Test func errorsOnRequiredRolesThatAreNotAList() async throws {
        #expect(
            try await configDiagnostics("review: {required: 终审}\n") == [
                "content/portal.yaml:13:20: error: 'required' 应为列表，这里是 文字\n  hint: 列表写在方括号里：required: [甲, 乙]"
            ])
    }

    @Test func errorsOnAMisspelledKey() async throws {
        #expect(
            try await configDiagnostics("review: {requried: [终审]}\n") == [
                "content/portal.yaml:13:9: error: 审核设置缺少必填项 'required'\n  hint: 加一行 'required: …'",
                "content/portal.yaml:13:10: error: 审核设置中有未知的键 'requried'\n  hint: 是不是 'required'？",
            ])
    }
}
