import Markdown
import Testing

/// GitHub's extensions as the portal writes them, and the mistakes in them it reports.
@Suite struct GitHubExtensionTests {
    let portal = MarkdownRenderer()

    @Test func writesAPipeTableAsAScrollingLabelledTable() {
        let document = portal.render("| 指标 | 2024年 | 2025年 |\n| :--- | ---: | :---: |\n| 党员人数 | **12** | 15 |\n")
        #expect(
            document.html
                == """
                <div class="table-wrap" role="region" aria-label="指标、2024年、2025年" tabindex="0"><table class="data-table">
                <thead>
                <tr>
                <th scope="col" class="align-left">指标</th>
                <th scope="col" class="align-right">2024年</th>
                <th scope="col" class="align-center">2025年</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td class="align-left">党员人数</td>
                <td class="align-right"><strong>12</strong></td>
                <td class="align-center">15</td>
                </tr>
                </tbody>
                </table></div>

                """)
        #expect(document.problems.isEmpty)
        #expect(document.plainText.contains("党员人数"))
    }

    @Test func keepsTheParagraphAboveATableAndReadsTablesInLists() {
        let html = portal.render("说明如下：\n| a | b |\n| - | - |\n| 1 | 2 |\n\n- 列表\n\n  | x |\n  | - |\n  | y |\n").html
        #expect(html.hasPrefix("<p>说明如下：</p>\n<div class=\"table-wrap\""))
        #expect(html.contains("<li>\n<p>列表</p>\n<div class=\"table-wrap\" role=\"region\" aria-label=\"x\""))
        #expect(html.contains("<td>y</td>"))
    }

    @Test func reportsALinkInACellAtItsOwnLineAndColumn() {
        // `[` is the 8th character of its line: `| 案例 | [`.
        let document = portal.render("开头\n\n| 名称 | 链接 |\n| --- | --- |\n| 案例 | [东湖](donghu.md) |\n")
        #expect(document.links.map(\.position) == [SourcePosition(line: 5, column: 8)])
    }

    @Test func errorsOnARowWithMoreCellsThanTheHeader() {
        let document = portal.render("| a | b |\n| - | - |\n| 1 | 2 | 3 |\n")
        #expect(
            document.problems == [
                MarkupProblem(
                    severity: .error, position: SourcePosition(line: 3, column: 11),
                    message: "表格这一行有 3 个单元格，比表头的 2 列多，多出的不会显示",
                    hint: "删掉多出的单元格，或在表头和分隔行里加上这一列；单元格里的竖线要写成 \\|")
            ])
    }

    @Test func errorsOnADelimiterRowWithTheWrongNumberOfColumns() {
        let document = portal.render("| 指标 | 2024年 | 2025年 |\n| --- | --- |\n| 人数 | 1 | 2 |\n")
        #expect(document.problems.map(\.position) == [SourcePosition(line: 2, column: 1)])
        #expect(document.problems.first?.message == "表格的分隔行有 2 列，表头有 3 列，这几行不会成为表格")
        #expect(document.problems.first?.hint == "分隔行的列数要和表头相同：| --- | --- | --- |")
    }

    @Test func errorsOnATableWithoutADelimiterRow() {
        let document = portal.render("正文\n\n| 指标 | 2024年 |\n| 人数 | 12 |\n")
        #expect(document.problems.map(\.position) == [SourcePosition(line: 4, column: 1)])
        #expect(document.problems.first?.message == "这几行看起来是表格，但表头下面缺少分隔行，会被当成一段竖线文字发布")
        #expect(document.problems.first?.severity == .error)
    }

    @Test func errorsOnFullWidthPipes() {
        let document = portal.render("｜指标｜2024年｜\n｜---｜---｜\n")
        #expect(document.problems.first?.message == "这几行用全角竖线“｜”分隔，不会成为表格")
        #expect(document.problems.first?.position == SourcePosition(line: 1, column: 1))
    }

    @Test func leavesOrdinaryPipesAlone() {
        #expect(portal.render("甲 | 乙\n").problems.isEmpty)
        #expect(portal.render("```\n| a |\n| b |\n```\n").problems.isEmpty)
    }

    @Test func keepsDataBlockTablesWorking() {
        let html = portal.render("```table\n区, 人数\n东湖区, 12\n```\n").html
        #expect(html.contains("<td class=\"number\">12</td>"))
    }

    @Test func strikesThroughAndWarnsOnSingleTildes() {
        #expect(portal.render("~~旧提法~~新提法\n").html == "<p><del>旧提法</del>新提法</p>\n")
        let range = portal.render("培训 3~5 天，每班 30~50 人\n")
        #expect(range.html == "<p>培训 3<del>5 天，每班 30</del>50 人</p>\n")
        #expect(range.problems.map(\.position) == [SourcePosition(line: 1, column: 5)])
        #expect(range.problems.first?.severity == .warning)
        #expect(portal.render("培训 3\\~5 天，每班 30\\~50 人\n").html == "<p>培训 3~5 天，每班 30~50 人</p>\n")
        #expect(portal.render("培训 3～5 天，每班 30～50 人\n").problems.isEmpty)
    }

    @Test func linksBareAddressesInChineseText() {
        let document = portal.render("详见www.gov.cn。也可访问https://www.samr.gov.cn，了解更多。\n")
        #expect(
            document.html
                == "<p>详见<a href=\"http://www.gov.cn\">www.gov.cn</a>。也可访问<a href=\"https://www.samr.gov.cn\">https://www.samr.gov.cn</a>，了解更多。</p>\n"
        )
        #expect(document.links.map(\.destination) == ["http://www.gov.cn", "https://www.samr.gov.cn"])
        #expect(document.links.map(\.position) == [SourcePosition(line: 1, column: 3), SourcePosition(line: 1, column: 18)])
    }

    @Test func writesTaskListsWithFixedCheckboxes() {
        #expect(
            portal.render("- [x] 建成党群服务站\n- [ ] 挂牌\n").html
                == "<ul>\n<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> 建成党群服务站</li>\n<li><input disabled=\"\" type=\"checkbox\"> 挂牌</li>\n</ul>\n"
        )
    }

    @Test func writesAPhotoOnItsOwnLineAsAFigureWithItsCaption() {
        #expect(
            portal.render("![市场外景](a.jpg \"图为东湖区水产批发市场党群服务中心\")\n").html
                == "<figure><img src=\"a.jpg\" alt=\"市场外景\" title=\"图为东湖区水产批发市场党群服务中心\" /><figcaption>图为东湖区水产批发市场党群服务中心</figcaption></figure>\n"
        )
        #expect(
            portal.render("![图为志愿者在服务](b.jpg)\n").html
                == "<figure><img src=\"b.jpg\" alt=\"图为志愿者在服务\" /><figcaption>图为志愿者在服务</figcaption></figure>\n")
        #expect(portal.render("文字中的![图](c.jpg)图片\n").html == "<p>文字中的<img src=\"c.jpg\" alt=\"图\" />图片</p>\n")
        #expect(portal.render("![](d.jpg)\n").html == "<p><img src=\"d.jpg\" alt=\"\" /></p>\n")
    }

    @Test func filtersTagsOnlyWhereRawHTMLIsLetThrough() {
        let unsafe = MarkdownRenderer(options: MarkdownOptions(unsafe: true, portalAdditions: false))
        #expect(unsafe.render("<script>x</script>\n").html == "&lt;script>x&lt;/script>\n")
        #expect(portal.render("<script>x</script>\n").html == "<!-- raw HTML omitted -->\n")
    }
}
