import Markdown
import Testing

@Suite struct RawHTMLTests {
    @Test func omitsRawHTMLInSafeModeAndReportsWhere() {
        let markdown = """
            开头段落<script>alert(1)</script>结尾。

            <div class="box">
            内容
            </div>
            """
        let document = MarkdownRenderer(options: .portal).render(markdown)
        #expect(
            document.html
                == "<p>开头段落<!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted -->结尾。</p>\n<!-- raw HTML omitted -->\n")
        #expect(
            document.omittedHTML == [
                SourcePosition(line: 1, column: 5), SourcePosition(line: 1, column: 21), SourcePosition(line: 3, column: 1),
            ])
    }

    @Test func letsRawHTMLThroughInUnsafeModeAndReportsNothing() {
        let document = MarkdownRenderer(options: MarkdownOptions(unsafe: true)).render("甲<b>乙</b>\n\n<div>\n丙\n</div>\n")
        #expect(document.html == "<p>甲<b>乙</b></p>\n<div>\n丙\n</div>\n")
        #expect(document.omittedHTML.isEmpty)
    }

    @Test func reportsRawHTMLInsideAListItemOnItsOwnLine() {
        let document = MarkdownRenderer(options: .portal).render("- 第一项\n  续行<iframe src=x>\n")
        #expect(document.omittedHTML == [SourcePosition(line: 2, column: 5)])
    }
}
