import Content
import Core
import Foundation
import Testing

/// Links from a page's text to `#fragment` of the page itself: to one of its headings, or to
/// an id its template gives every page of its kind.
@Suite struct OwnAnchorTests {
    static let a = InlineSite.base["cases/a.md"]!
    /// The line of a line added at the end of `a`.
    static let end = a.filter { $0 == "\n" }.count + 1

    func diagnostics(_ line: String, templateIDs: [String: Set<String>]? = ["cases": ["main", "related-title"]])
        async throws -> [String]
    {
        let site = try InlineSite(["cases/a.md": Self.a + line + "\n"])
        defer { site.remove() }
        var loader = ContentLoader(directory: site.root, displayRoot: "content")
        loader.templateIDs = templateIDs
        do {
            return try await loader.load().warnings.map(\.description)
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func errorsOnALinkToAHeadingThePageDoesNotHave() async throws {
        #expect(
            try await diagnostics("见[本文](#no-such-heading)。") == [
                "content/cases/a.md:\(Self.end):2: error: 链接中的标题锚点 '#no-such-heading' 在本页中不存在\n"
                    + "  hint: 锚点写本页某个小标题的文字：#主要做法"
            ])
    }

    @Test func suggestsTheNearestHeading() async throws {
        #expect(
            try await diagnostics("[上文](#主要作法)") == [
                "content/cases/a.md:\(Self.end):1: error: 链接中的标题锚点 '#主要作法' 在本页中不存在\n  hint: 是不是 '#主要做法'？"
            ])
    }

    @Test func acceptsItsOwnHeadingsWrittenAsIsOrPercentEncoded() async throws {
        #expect(try await diagnostics("[上文](#主要做法) [上文](#%E4%B8%BB%E8%A6%81%E5%81%9A%E6%B3%95)").isEmpty)
    }

    @Test func acceptsTheIdsTheTemplateGivesEveryPageOfItsKind() async throws {
        #expect(try await diagnostics("[跳到正文](#main) [相关案例](#related-title)").isEmpty)
        // The ids of another kind's template are not on a case page.
        #expect(try await diagnostics("[课程](#main)", templateIDs: ["courses": ["main"]]).count == 1)
    }

    @Test func leavesSuchLinksUncheckedWhenTheTemplatesAreNotKnown() async throws {
        #expect(try await diagnostics("[本文](#no-such-heading)", templateIDs: nil).isEmpty)
    }
}
