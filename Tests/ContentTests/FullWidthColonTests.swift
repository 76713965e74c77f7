import Core
import Foundation
import Testing

@testable import Content

/// A full-width colon after a key (`status：published`, as a Chinese input method types it) is
/// reported at the colon, wherever the key stands, instead of libyaml's error further on.
@Suite struct FullWidthColonTests {
    static let base = InlineSite.base

    static func diagnostics(_ path: String, replacing old: String, with new: String) async throws -> [String] {
        let text = base[path]!
        #expect(text.contains(old))
        let site = try InlineSite([path: text.replacingOccurrences(of: old, with: new)])
        defer { site.remove() }
        return await site.diagnostics()
    }

    static func error(_ path: String, _ line: Int, _ column: Int, _ corrected: String) -> String {
        "content/\(path):\(line):\(column): error: 键后面用了全角冒号“：”\n  hint: 改成半角冒号加一个空格：\(corrected)"
    }

    @Test func reportsTheFirstKeyOfFrontMatter() async throws {
        let found = try await Self.diagnostics("pages/about.md", replacing: "title: 关于本站", with: "title：关于本站")
        #expect(found == [Self.error("pages/about.md", 2, 6, "title: 关于本站")])
    }

    @Test func reportsALaterKeyOfFrontMatter() async throws {
        let found = try await Self.diagnostics("cases/b.md", replacing: "author: 李明", with: "author：李明")
        #expect(found == [Self.error("cases/b.md", 8, 7, "author: 李明")])
    }

    @Test func reportsTheLastKeyOfFrontMatter() async throws {
        let found = try await Self.diagnostics(
            "cases/b.md", replacing: "summary: 个体户亮身份。", with: "status：published")
        #expect(found == [Self.error("cases/b.md", 9, 7, "status: published")])
    }

    @Test func reportsTheFirstKeyOfAListItemInADataFile() async throws {
        let found = try await Self.diagnostics("data/sites.yaml", replacing: "- id: site-01", with: "- id：site-01")
        #expect(found == [Self.error("data/sites.yaml", 1, 5, "id: site-01")])
    }

    @Test func reportsAKeyInsideAListItemInADataFile() async throws {
        let found = try await Self.diagnostics("data/members.yaml", replacing: "  shop: 秀英水产档", with: "  shop：秀英水产档")
        #expect(found == [Self.error("data/members.yaml", 3, 7, "shop: 秀英水产档")])
    }

    @Test func reportsANestedKey() async throws {
        let found = try await Self.diagnostics(
            "portal.yaml", replacing: "  liaison_points: {minimum: 10}", with: "  liaison_points：{minimum: 10}")
        #expect(found == [Self.error("portal.yaml", 12, 17, "liaison_points: {minimum: 10}")])
    }

    @Test func leavesFullWidthColonsInValuesAlone() {
        #expect(YAMLReader.fullWidthColons(in: "title: 东湖：新做法\nsummary: 要求：好\n- 一是：好\n").isEmpty)
    }
}
