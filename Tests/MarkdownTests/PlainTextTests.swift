import Markdown
import Testing

@Suite struct PlainTextTests {
    let renderer = MarkdownRenderer(options: .portal)

    @Test func separatesBlocksWithNewlinesAndDropsMarkup() {
        let document = renderer.render(
            """
            # 标题

            第一段**加粗**文字，
            第二行。

            - 列表项一
            - 列表项二

            > 引用

            第二段 [链接](a.md) 和 `代码`。

            ```
            let x = 1
            ```

            ---
            """)
        #expect(document.plainText == "标题\n第一段加粗文字，第二行。\n列表项一\n列表项二\n引用\n第二段 链接 和 代码。\nlet x = 1")
    }

    @Test func readsALineBreakBetweenChineseAsNothingAndBetweenWordsAsASpace() {
        #expect(renderer.render("中文\n接续").plainText == "中文接续")
        #expect(renderer.render("“引文”\n接续").plainText == "“引文”接续")
        #expect(renderer.render("English\nwords").plainText == "English words")
        #expect(renderer.render("中文\nEnglish").plainText == "中文 English")
    }

    @Test func keepsHardBreaksAsNewlines() {
        #expect(renderer.render("第一行\\\n第二行").plainText == "第一行\n第二行")
    }

    @Test func leavesRawHTMLOutOfThePlainText() {
        let document = MarkdownRenderer(options: MarkdownOptions(unsafe: true)).render("甲<b>乙</b>丙\n\n<div>\n丁\n</div>\n\n戊")
        #expect(document.plainText == "甲乙丙\n戊")
    }

    @Test func takesTheFirstParagraphForSummaries() {
        let document = renderer.render("# 标题\n\n![题图](a.png)\n\n第一段**内容**，\n续行。\n\n第二段。")
        // An image alone is a paragraph too: its alt text is what a reader without images reads.
        #expect(document.firstParagraph == "题图")
        #expect(renderer.render("# 标题\n\n第一段**内容**，\n续行。\n\n第二段。").firstParagraph == "第一段内容，续行。")
    }

    @Test func prefersAParagraphAtTheTopLevelOverOneInAQuoteOrList() {
        #expect(renderer.render("> 引语\n\n- 列表\n\n正文第一段").firstParagraph == "正文第一段")
        #expect(renderer.render("> 引语\n\n- 列表").firstParagraph == "引语")
    }

    @Test func reportsNoFirstParagraphWhenThereIsNone() {
        #expect(renderer.render("# 标题\n").firstParagraph == "")
        #expect(renderer.render("").plainText == "")
    }
}
