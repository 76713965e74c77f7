import Markdown
import Testing

/// Texts that break recursive renderers: the tree is walked with an iterator, so depth costs
/// memory, not stack.
@Suite struct RobustnessTests {
    static let depth = 100_000

    @Test(arguments: [
        String(repeating: "> ", count: depth) + "x",
        String(repeating: "[", count: depth) + "x",
        String(repeating: "[", count: depth) + "x" + String(repeating: "](u)", count: depth),
        String(repeating: "![", count: depth) + "x" + String(repeating: "](u)", count: depth),
        String(repeating: "*", count: depth) + "x",
        String(repeating: "*", count: depth) + "x" + String(repeating: "*", count: depth),
        String(repeating: "中*“", count: depth) + "x" + String(repeating: "”*中", count: depth),
        "# " + String(repeating: "*", count: depth) + "标题" + String(repeating: "*", count: depth),
        String(repeating: "- ", count: depth) + "x",
    ])
    func rendersDeeplyNestedTextsWithoutCrashing(markdown: String) {
        let document = MarkdownRenderer(options: .portal).render(markdown)
        #expect(!document.html.isEmpty)
    }

    @Test func rendersDeeplyNestedEmphasisToTheInnermostText() {
        let document = MarkdownRenderer(options: .portal).render(
            String(repeating: "*", count: Self.depth) + "x" + String(repeating: "*", count: Self.depth))
        #expect(document.plainText == "x")
        #expect(document.html.hasPrefix("<p><strong><strong>"))
    }

    @Test func rendersTextsWithNULAndInvalidLookingBytes() {
        let document = MarkdownRenderer(options: .portal).render("甲\u{0}乙 **“丙”**丁")
        #expect(document.html == "<p>甲\u{FFFD}乙 <strong>“丙”</strong>丁</p>\n")
    }
}
