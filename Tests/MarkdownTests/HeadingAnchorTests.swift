import Markdown
import Testing

@Suite struct HeadingAnchorTests {
    let renderer = MarkdownRenderer(options: .portal)

    @Test func givesHeadingsIdsThatKeepChinese() {
        let document = renderer.render("## 办理流程\n\n正文\n\n### 所需材料（复印件）\n")
        #expect(document.html == "<h2 id=\"办理流程\">办理流程</h2>\n<p>正文</p>\n<h3 id=\"所需材料-复印件\">所需材料（复印件）</h3>\n")
        #expect(
            document.headings == [
                Heading(level: 2, text: "办理流程", anchor: "办理流程", position: SourcePosition(line: 1, column: 1)),
                Heading(level: 3, text: "所需材料（复印件）", anchor: "所需材料-复印件", position: SourcePosition(line: 5, column: 1)),
            ])
    }

    @Test func numbersDuplicateChineseHeadings() {
        let document = renderer.render("## 办理流程\n\n## 办理流程\n\n# 办理流程\n")
        #expect(document.headings.map(\.anchor) == ["办理流程", "办理流程-1", "办理流程-2"])
        #expect(
            document.html
                == "<h2 id=\"办理流程\">办理流程</h2>\n<h2 id=\"办理流程-1\">办理流程</h2>\n<h1 id=\"办理流程-2\">办理流程</h1>\n")
    }

    @Test func takesTheHeadingTextWithoutMarkup() {
        let document = renderer.render("## 推进**“六有”**建设与 `code` [链接](x.md)\n")
        #expect(document.headings.first?.text == "推进“六有”建设与 code 链接")
        #expect(document.headings.first?.anchor == "推进-六有-建设与-code-链接")
    }

    @Test func anchorsSetextHeadingsAndReportTheirFirstLine() {
        let document = renderer.render("前言\n\n工作 *成效*\n====\n")
        #expect(document.html == "<p>前言</p>\n<h1 id=\"工作-成效\">工作 <em>成效</em></h1>\n")
        #expect(document.headings.first?.position == SourcePosition(line: 3, column: 1))
    }

    @Test func namesHeadingsWithoutLettersSection() {
        let document = renderer.render("## ——\n\n## “”\n")
        #expect(document.headings.map(\.anchor) == ["section", "section-1"])
    }

    @Test func writesIdsInSafeModeWhereRawHTMLIsDropped() {
        let document = renderer.render("## 标题 <script>x</script>\n")
        // The text between the tags stays, in the HTML and in the anchor.
        #expect(document.html == "<h2 id=\"标题-x\">标题 <!-- raw HTML omitted -->x<!-- raw HTML omitted --></h2>\n")
    }

    @Test func keepsHeadingsInsideListsAndQuotesInPlace() {
        let document = renderer.render("> ## 引用标题\n\n- ## 列表标题\n")
        #expect(
            document.html == """
                <blockquote>
                <h2 id="引用标题">引用标题</h2>
                </blockquote>
                <ul>
                <li>
                <h2 id="列表标题">列表标题</h2>
                </li>
                </ul>

                """)
    }

    @Test func leavesHeadingsWithoutIdsWhenPortalAdditionsAreOff() {
        let document = MarkdownRenderer(options: .commonMark).render("## 办理流程\n")
        #expect(document.html == "<h2>办理流程</h2>\n")
        #expect(document.headings.first?.anchor == "办理流程")
    }

    @Test func anchorsEmptyHeadings() {
        #expect(renderer.render("##\n").html == "<h2 id=\"section\"></h2>\n")
    }
}
