import Build
import Core
import Foundation
import Testing

/// Errors in some files stop neither the rendering nor the checks of the others: one run lists
/// personal information, broken links and pictures and load errors together.
@Suite struct EveryProblemAtOnceTests {
    func edit(_ content: URL, _ path: String, _ change: (String) -> String) throws {
        let url = content.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the edit of \(path) changed nothing")
        try changed.write(to: url, atomically: true, encoding: .utf8)
    }

    /// A missing picture in case 4, a YAML error in case 2 (which the course links to) and an
    /// e-mail address in case 3.
    func breakThreeCases(_ content: URL) throws {
        try edit(content, "cases/case-04.md") { $0 + "\n![市场外景](images/no-such.jpg)\n" }
        try edit(content, "cases/case-02.md") {
            $0.replacingOccurrences(of: "title: \"南浦区小微企业党建案例2\"", with: "title: \"南浦区小微企业党建案例2")
        }
        try edit(content, "cases/case-03.md") { $0 + "\n联系邮箱：zhangsan@example.com\n" }
    }

    static let expected = [
        "content/cases/case-02.md:2:8: error: YAML 格式错误：while scanning a quoted scalar found unexpected end of stream\n"
            + "  hint: 加了引号的内容要用同样的引号结束，括号要配对",
        "content/cases/case-03.md:28:6: error: 电子邮箱地址 z***@example.com 将出现在发布页面 cases/case-03/index.html 等 3 个文件中\n"
            + "  hint: 个人信息不能公开：删除该地址，或改写为打码形式 z***@example.com；可以公开的机构邮箱请加入 portal.yaml 的 privacy.allowed_emails",
        "content/cases/case-04.md:%d:1: error: 图片文件不存在：images/no-such.jpg\n"
            + "  hint: 图片放在内容目录中，用相对于本文件的路径引用，如 images/photo.jpg",
    ]

    func errors(of builder: SiteBuilder) async throws -> [Diagnostic] {
        do {
            _ = try await builder.build(into: MemorySink())
        } catch {
            return error.diagnostics.filter(\.isError)
        }
        Issue.record("the build succeeded")
        return []
    }

    @Test func oneCheckReportsAMissingPictureAYAMLErrorAndAnEMailAddressTogether() async throws {
        let content = try FixtureSite.copy()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        try breakThreeCases(content)
        let errors = try await errors(of: SiteBuilder(options: FixtureSite.options(content: content)))
        let pictureLine =
            try String(contentsOf: content.appendingPathComponent("cases/case-04.md"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(errors.map(\.description) == Self.expected.map { String(format: $0, pictureLine) })
    }

    @Test func aFailedBuildWithProblemsInManyFilesLeavesThePublishedSiteUnchanged() async throws {
        let fixture = try FixtureWorkspace()
        defer { fixture.remove() }
        _ = try await fixture.builder.publish(to: fixture.output)
        let before = try FixtureSite.snapshot(fixture.output)
        try breakThreeCases(fixture.content)
        let error = await #expect(throws: DiagnosticsError.self) { try await fixture.builder.publish(to: fixture.output) }
        #expect(error?.diagnostics.filter(\.isError).count == 3)
        #expect(try FixtureSite.snapshot(fixture.output) == before)
    }

    /// The templates' own ids (the skip link's `#main`, the related cases' heading) are on
    /// every case page; any other fragment must be a heading of the page.
    @Test func aLinkToAHeadingMissingOnTheSamePageIsAnErrorAtTheLink() async throws {
        let content = try FixtureSite.copy()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        try edit(content, "cases/case-04.md") {
            $0 + "\n[跳到正文](#main)、[相关案例](#related-title)、[做法](#主要做法)、[本文](#no-such-heading)\n"
        }
        let line =
            try String(contentsOf: content.appendingPathComponent("cases/case-04.md"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let errors = try await errors(of: SiteBuilder(options: FixtureSite.options(content: content)))
        #expect(
            errors.map(\.description) == [
                "content/cases/case-04.md:\(line):50: error: 链接中的标题锚点 '#no-such-heading' 在本页中不存在\n"
                    + "  hint: 锚点写本页某个小标题的文字：#主要做法、#取得成效"
            ])
    }

    /// A link the content's checks cannot judge (an address that is not a `.md` file) is found
    /// broken in the rendered page, and reported at its place in the file, even when the file
    /// has an error of its own elsewhere.
    @Test func aBrokenLinkOfTheRenderedPageIsReportedAtItsLineAlongsideTheFilesOtherErrors() async throws {
        let content = try FixtureSite.copy()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        try edit(content, "cases/case-04.md") { $0 + "\n第二段。\n\n详见[往期](../no/where/)和[附图](images/no-such.jpg)。\n" }
        let line =
            try String(contentsOf: content.appendingPathComponent("cases/case-04.md"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let errors = try await errors(of: SiteBuilder(options: FixtureSite.options(content: content)))
        #expect(
            errors.map(\.description) == [
                "content/cases/case-04.md:\(line):8: error: 链接 ../no/where/ 指向不存在的页面或文件\n"
                    + "  hint: 链接到本站其他页面时写它的 .md 文件相对于本文件的路径，如 ../cases/example.md",
                "content/cases/case-04.md:\(line):22: error: 链接的附件不存在：images/no-such.jpg\n"
                    + "  hint: 附件放在内容目录中，用相对于本文件的路径链接，如 [通知原文](notice.pdf)",
            ])
    }
}
