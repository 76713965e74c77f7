import Markdown
import Testing

/// ```` ```table ```` and ```` ```chart ```` blocks in write-ups.
@Suite struct DataBlockTests {
    let renderer = MarkdownRenderer(options: .portal)

    @Test func aTableBlockBecomesATableWithItsCaptionAndHeaderCells() {
        let document = renderer.render(
            """
            前后对比如下：

            ```table
            caption: 党建工作前后对比
            指标, 2022年, 2024年
            党员经营户, 120, 156
            "投诉（件，全年）", 418, "1,000"
            <b>粗</b>, 0.5, 12%
            ```
            """)
        #expect(document.dataBlockProblems.isEmpty)
        #expect(
            document.html == """
                <p>前后对比如下：</p>
                <div class="table-wrap" role="region" aria-label="党建工作前后对比" tabindex="0"><table class="data-table">
                <caption>党建工作前后对比</caption>
                <thead><tr><th scope="col">指标</th><th scope="col">2022年</th><th scope="col">2024年</th></tr></thead>
                <tbody>
                <tr><th scope="row">党员经营户</th><td class="number">120</td><td class="number">156</td></tr>
                <tr><th scope="row">投诉（件，全年）</th><td class="number">418</td><td>1,000</td></tr>
                <tr><th scope="row">&lt;b&gt;粗&lt;/b&gt;</th><td class="number">0.5</td><td class="number">12%</td></tr>
                </tbody>
                </table></div>

                """)
        #expect(document.plainText.contains("党员经营户 120 156"), "the cells are the page's text, not the commas")
    }

    @Test func cellsMaySeparateByTabsOrFullWidthCommas() {
        let tabs = renderer.render("```table\n区\t人数\n东湖区\t12\n```\n")
        #expect(tabs.html.contains("<th scope=\"row\">东湖区</th><td class=\"number\">12</td>"))
        let chinese = renderer.render("```table\n区，人数\n东湖区，12\n```\n")
        #expect(chinese.html.contains("<th scope=\"row\">东湖区</th><td class=\"number\">12</td>"))
    }

    @Test func aChartBlockBecomesAnSVGChartWithItsTable() {
        let bar = renderer.render("```chart\ncaption: 各区党员经营户\nunit: 人\ntarget: 100\n区, 人数\n东湖区, 120\n西津区, 98\n```\n")
        #expect(bar.dataBlockProblems.isEmpty)
        #expect(bar.html.hasPrefix("<figure class=\"chart-figure\"><svg class=\"chart\""))
        #expect(bar.html.contains(">120人</text>") && bar.html.contains(">目标 100</text>"))
        #expect(bar.html.contains("<caption>各区党员经营户</caption>"), "the data table follows the chart")
        let line = renderer.render("```chart\ntype: line\n年份, 投诉, 调解\n2022年, 418, 50\n2024年, 233, 80\n```\n")
        #expect(line.html.components(separatedBy: "<polyline").count - 1 == 2, "a line per series")
        #expect(line.html.contains(">投诉</text>"), "with a legend")
    }

    @Test func aBlockWithAMistakeStaysCodeAndSaysWhere() {
        let document = renderer.render("正文\n\n```table\n指标, 数\n甲, 1, 2\n```\n")
        #expect(document.html.contains("<pre><code class=\"language-table\">"))
        #expect(
            document.dataBlockProblems.map { "\($0.position.line):\($0.position.column) \($0.message)" } == [
                "5:1 这一行有 3 项，表头有 2 项"
            ])
    }

    @Test func otherCodeBlocksAndCommonMarkModeAreLeftAlone() {
        #expect(renderer.render("```swift\nlet a = 1, b = 2\n```\n").html.contains("<pre><code class=\"language-swift\">"))
        let plain = MarkdownRenderer(options: .commonMark).render("```table\na, b\n1, 2\n```\n")
        #expect(plain.html == "<pre><code class=\"language-table\">a, b\n1, 2\n</code></pre>\n")
    }
}
