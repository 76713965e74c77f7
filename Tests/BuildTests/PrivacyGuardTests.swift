import Build
import Core
import Foundation
import Testing

@Suite struct PrivacyGuardTests {
    /// The full values planted below; none may appear in any message.
    static let plantedValues = ["138 0013 8000", "13800138000", "11010519491231002X", "zhang.san@example.com"]

    /// A copy of the fixture with a mobile number at the end of a case, an ID number in a site's
    /// address and two e-mail addresses on a page, one of them on the allow list.
    func plantedCopy() throws -> URL {
        let content = try FixtureSite.copy()
        try edit(content, "cases/case-03.md") { $0 + "\n联系电话：138 0013 8000。\n" }
        try edit(content, "data/sites.yaml") {
            $0.replacingOccurrences(of: "address: 古街12号", with: "address: 古街12号（负责人身份证 11010519491231002X）")
        }
        try edit(content, "pages/about.md") { $0 + "\n联系人：zhang.san@example.com；办公室：office@example.gov.cn。\n" }
        try edit(content, "portal.yaml") { $0 + "privacy: {allowed_emails: [office@example.gov.cn]}\n" }
        return content
    }

    func edit(_ content: URL, _ path: String, _ change: (String) -> String) throws {
        let url = content.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the edit of \(path) changed nothing")
        try changed.write(to: url, atomically: true, encoding: .utf8)
    }

    func buildErrors(_ content: URL, parallelism: Int = 8) async throws -> [String] {
        let builder = SiteBuilder(options: FixtureSite.options(content: content, parallelism: parallelism))
        do {
            _ = try await builder.build(into: MemorySink())
        } catch {
            return error.diagnostics.map(\.description)
        }
        Issue.record("the build succeeded")
        return []
    }

    /// Each value is on its page and in the search index (a document shard).
    @Test func personalInformationInTheOutputFailsTheBuildAtItsSource() async throws {
        let content = try plantedCopy()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        #expect(
            try await buildErrors(content) == [
                "content/cases/case-03.md:28:6: error: 手机号码 138****8000 将出现在发布页面 cases/case-03/index.html 等 3 个文件中\n"
                    + "  hint: 个人信息不能公开：删除该号码，或改写为打码形式 138****8000",
                "content/data/sites.yaml:16:25: error: 身份证号码 110105********002X 将出现在发布页面 sites/site-02/index.html 等 2 个文件中\n"
                    + "  hint: 个人信息不能公开：删除该号码，或改写为打码形式 110105********002X",
                "content/pages/about.md:8:5: error: 电子邮箱地址 z***@example.com 将出现在发布页面 about/index.html 等 2 个文件中\n"
                    + "  hint: 个人信息不能公开：删除该地址，或改写为打码形式 z***@example.com；"
                    + "可以公开的机构邮箱请加入 portal.yaml 的 privacy.allowed_emails",
            ])
    }

    @Test func noMessageHoldsAFullValue() async throws {
        let content = try plantedCopy()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let messages = try await buildErrors(content).joined(separator: "\n")
        #expect(!messages.isEmpty)
        for value in Self.plantedValues {
            #expect(!messages.contains(value), "a message holds a full value")
        }
    }

    @Test func theMessagesAreTheSameForAnyParallelism() async throws {
        let content = try plantedCopy()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        #expect(try await buildErrors(content, parallelism: 1) == buildErrors(content, parallelism: 13))
    }

    @Test func aBuildStoppedByThePrivacyCheckLeavesThePublishedSiteUnchanged() async throws {
        let fixture = try FixtureWorkspace()
        defer { fixture.remove() }
        let output = fixture.output
        let builder = fixture.builder
        _ = try await builder.publish(to: output)
        let before = try FixtureSite.snapshot(output)

        let planted = try plantedCopy()
        defer { try? FileManager.default.removeItem(at: planted.deletingLastPathComponent()) }
        try FileManager.default.removeItem(at: fixture.content)
        try FileManager.default.copyItem(at: planted, to: fixture.content)
        await #expect(throws: DiagnosticsError.self) { try await builder.publish(to: output) }

        #expect(try FixtureSite.snapshot(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.root.path)
        #expect(!leftovers.contains { $0.contains("staging") }, "no staging folder is left behind")
    }

    @Test func aNumberOnManyPagesIsOneErrorNamingThePageOfItsSourceFirst() async throws {
        let content = try FixtureSite.copy()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        // A summary is shown on the case, its 公众号 article, the lists it is in, the feed and the search index (its
        // district column shows only the newest cases).
        try edit(content, "cases/case-03.md") {
            $0.replacingOccurrences(of: "summary: \"第3个案例的摘要。\"", with: "summary: \"第3个案例的摘要，咨询电话 139-1234-5678。\"")
        }
        #expect(
            try await buildErrors(content) == [
                "content/cases/case-03.md:9:25: error: 手机号码 139****5678 将出现在发布页面 cases/case-03/index.html 等 12 个文件中\n"
                    + "  hint: 个人信息不能公开：删除该号码，或改写为打码形式 139****5678"
            ])
    }

    @Test func aNumberSplitByEmphasisOrALinkIsFoundAtItsFirstDigitInTheSource() async throws {
        let content = try FixtureSite.copy()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        try edit(content, "pages/about.md") {
            $0 + "\n值班电话：138**0013**8000\n\n负责人：110105 [19491231](https://example.gov.cn/) 002X\n"
        }
        #expect(
            try await buildErrors(content) == [
                "content/pages/about.md:8:6: error: 手机号码 138****8000 将出现在发布页面 about/index.html 等 2 个文件中\n"
                    + "  hint: 个人信息不能公开：删除该号码，或改写为打码形式 138****8000",
                "content/pages/about.md:10:5: error: 身份证号码 110105********002X 将出现在发布页面 about/index.html 等 2 个文件中\n"
                    + "  hint: 个人信息不能公开：删除该号码，或改写为打码形式 110105********002X",
            ])
    }

    @Test func aNumberNoSourceSpellsOutIsLocatedInTheOutputFile() async throws {
        let content = try FixtureSite.copy()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        // The entity is a digit only once cmark has rendered it.
        try edit(content, "pages/about.md") { $0 + "\n电话：138&#48;0138000\n" }
        // The page and the search index's text of it each get their own error.
        let errors = try await buildErrors(content)
        #expect(errors.count == 2)
        let error = try #require(errors.first)
        #expect(error.hasPrefix("about/index.html:"))
        #expect(error.contains(": error: 手机号码 138****8000 将出现在发布页面 about/index.html 中\n"))
        #expect(errors.last?.hasPrefix("search/docs/") == true)
    }

    @Test func theCleanFixtureBuildsWithATimedPrivacyStageBeforePublishing() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-privacy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try await SiteBuilder(options: FixtureSite.options()).publish(to: folder.appendingPathComponent("site"))
        let names = report.timings.stages.map(\.name)
        let privacy = try #require(names.firstIndex(of: "privacy"))
        let publish = try #require(names.firstIndex(of: "publish"))
        #expect(privacy < publish)
    }
}
