import Markdown
import Testing

/// Positions are 1-based lines and columns counted in characters of the text given to the
/// renderer, whatever cmark counts internally.
@Suite struct SourcePositionTests {
    let renderer = MarkdownRenderer(options: .portal)

    @Test func countsColumnsInCharactersNotBytes() {
        let document = renderer.render("党员经营户[案例](a.md)")
        #expect(document.links.first?.position == SourcePosition(line: 1, column: 6))
    }

    @Test func countsColumnsAsWrittenWhenTheCJKFixChangedTheLine() {
        // The fix inserts characters before `**` and after the closing `**`; they are not counted.
        let document = renderer.render("推进**“六有”**建设，**“三亮”**活动[链接](a.md)")
        #expect(document.html.contains("<strong>“六有”</strong>"))
        #expect(document.links.first?.position == SourcePosition(line: 1, column: 24))
    }

    @Test func placesLinksOnIndentedAndLazyContinuationLines() {
        let markdown = """
            第一行 [a](a.md)
              缩进续行 [b](b.md)

            > 引用 [c](c.md)
            懒续行 [d](d.md)
            > 再续 [e](e.md)

            - 列表 [f](f.md)
              续行 `代码
            跨行` [g](g.md)
            """
        let positions = renderer.render(markdown).links.map(\.position)
        #expect(
            positions == [
                SourcePosition(line: 1, column: 5), SourcePosition(line: 2, column: 8),
                SourcePosition(line: 4, column: 6), SourcePosition(line: 5, column: 5), SourcePosition(line: 6, column: 6),
                SourcePosition(line: 8, column: 6), SourcePosition(line: 10, column: 5),
            ])
    }

    @Test func countsLinesEndedByCarriageReturns() {
        let document = renderer.render("甲\r\n\r\n乙 [a](a.md)\r丙 ![b](b.png)")
        #expect(document.links.first?.position == SourcePosition(line: 3, column: 3))
        #expect(document.images.first?.position == SourcePosition(line: 4, column: 3))
    }

    @Test func placesLinksAfterTabs() {
        let document = renderer.render("- 项\t[a](a.md)")
        #expect(document.links.first?.position == SourcePosition(line: 1, column: 5))
    }
}
