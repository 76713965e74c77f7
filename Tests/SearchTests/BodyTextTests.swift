import Testing

@testable import Search

@Suite struct BodyTextTests {
    @Test func readsTheTextOfRenderedMarkdown() {
        let html = """
            <p>推进<strong>“六有”阵地</strong>建设，A&amp;B &lt;x&gt; &quot;q&quot; &#x4E2D;&#25991;</p>
            <h2 id="做法">主要做法</h2>
            <ul>
            <li>建强阵地</li>
            <li>党员<em>“三亮”</em></li>
            </ul>
            <p>前<!-- raw HTML omitted -->后</p>
            """
        #expect(
            BodyText.plainText(of: html) == """
                推进“六有”阵地建设，A&B <x> "q" 中文
                主要做法
                建强阵地
                党员“三亮”
                前后
                """)
    }

    @Test func joinsChineseLinesOfAParagraphAndSpacesOthers() {
        #expect(BodyText.plainText(of: "<p>第一行\n第二行\nend\nof line</p>\n") == "第一行第二行 end of line")
    }

    @Test func cutsAnExcerptWithItsLinesJoined() {
        #expect(BodyText.excerpt(of: "一二三\n四五六", limit: 5) == "一二三 四")
        #expect(BodyText.excerpt(of: "短", limit: 600) == "短")
    }

    @Test func leavesAnAmpersandThatStartsNoReference() {
        #expect(BodyText.plainText(of: "<p>A & B &unknown; &#xZZ;</p>") == "A & B &unknown; &#xZZ;")
    }
}
