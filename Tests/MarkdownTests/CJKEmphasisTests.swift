import Markdown
import Testing

/// `**`/`*` next to Chinese punctuation pair up (CommonMark leaves them literal), and everything
/// CommonMark already decides stays as it was.
@Suite struct CJKEmphasisTests {
    let renderer = MarkdownRenderer(options: .portal)
    let commonMark = MarkdownRenderer(options: MarkdownOptions(portalAdditions: false, cjkEmphasis: false))

    @Test func pairsBoldThatOpensBeforeAChineseQuotationMark() {
        #expect(
            renderer.render("推进**“六有”标准化阵地建设**，提升服务水平。").html
                == "<p>推进<strong>“六有”标准化阵地建设</strong>，提升服务水平。</p>\n")
    }

    @Test func pairsBoldThatClosesAfterAChineseQuotationMark() {
        #expect(renderer.render("开展**“三亮”**活动").html == "<p>开展<strong>“三亮”</strong>活动</p>\n")
    }

    @Test func pairsItalicAroundBookTitleMarks() {
        #expect(renderer.render("认真学习*《中国共产党章程》*原文").html == "<p>认真学习<em>《中国共产党章程》</em>原文</p>\n")
    }

    @Test func pairsBoldAroundFullWidthParentheses() {
        #expect(renderer.render("成立**（联合）**党支部").html == "<p>成立<strong>（联合）</strong>党支部</p>\n")
    }

    @Test func pairsBoldThatEndsWithAFullStop() {
        #expect(renderer.render("**今年完成。**明年推广").html == "<p><strong>今年完成。</strong>明年推广</p>\n")
    }

    @Test func pairsBoldThatEndsWithAColon() {
        #expect(renderer.render("**工作要求：**要抓好落实").html == "<p><strong>工作要求：</strong>要抓好落实</p>\n")
    }

    @Test func pairsItalicThatEndsWithAComma() {
        #expect(renderer.render("一是*强化组织，*二是健全制度").html == "<p>一是<em>强化组织，</em>二是健全制度</p>\n")
    }

    @Test func pairsBoldItalicNextToQuotationMarks() {
        #expect(renderer.render("推进***“六有”***建设").html == "<p>推进<em><strong>“六有”</strong></em>建设</p>\n")
    }

    @Test func pairsItalicNestedInBold() {
        #expect(
            renderer.render("开展**“三亮”活动和*“六有”*建设**，成效明显").html
                == "<p>开展<strong>“三亮”活动和<em>“六有”</em>建设</strong>，成效明显</p>\n")
    }

    @Test func pairsBoldInsideChineseQuotationMarksAsCommonMarkAlreadyDid() {
        let markdown = "他说“**三亮**”很重要"
        #expect(renderer.render(markdown).html == "<p>他说“<strong>三亮</strong>”很重要</p>\n")
        #expect(renderer.render(markdown).html == commonMark.render(markdown).html)
    }

    @Test func pairsBoldAfterLatinLettersBeforeChineseQuotes() {
        // “” count as Chinese punctuation here, unlike in the CJK-friendly proposal.
        #expect(renderer.render("开展APP**“三亮”**Online").html == "<p>开展APP<strong>“三亮”</strong>Online</p>\n")
    }

    @Test func pairsBoldNextToEntities() {
        #expect(renderer.render("推进**&ldquo;六有&rdquo;**建设").html == "<p>推进<strong>“六有”</strong>建设</p>\n")
    }

    @Test func pairsBoldInHeadingsListsAndQuotes() {
        let html = renderer.render("## 推进**“六有”**建设\n\n- 开展**“三亮”**活动\n\n> 落实**“三会一课”**制度\n").html
        #expect(
            html == """
                <h2 id="推进-六有-建设">推进<strong>“六有”</strong>建设</h2>
                <ul>
                <li>开展<strong>“三亮”</strong>活动</li>
                </ul>
                <blockquote>
                <p>落实<strong>“三会一课”</strong>制度</p>
                </blockquote>

                """)
    }

    @Test func leavesBackslashEscapedAsterisksLiteral() {
        #expect(renderer.render(#"推进\*\*“六有”\*\*建设"#).html == "<p>推进**“六有”**建设</p>\n")
    }

    @Test func leavesCodeSpansByteIdentical() {
        #expect(renderer.render("见`**“x”**`和`中**“六有”**建`").html == "<p>见<code>**“x”**</code>和<code>中**“六有”**建</code></p>\n")
    }

    @Test func leavesCodeBlocksAndInfoStringsByteIdentical() {
        let markdown = "```中**“x”**\n推进**“六有”**建设\n```\n\n    缩进**“六有”**代码\n"
        let html = renderer.render(markdown).html
        #expect(
            html == """
                <pre><code class="language-中**“x”**">推进**“六有”**建设
                </code></pre>
                <pre><code>缩进**“六有”**代码
                </code></pre>

                """)
        #expect(html == commonMark.render(markdown).html)
    }

    @Test(arguments: [
        "[链接](https://example.cn/中**“x”**中 \"标题**“x”**中\")",
        "<https://example.cn/中**“x”**中>",
        "<span title=\"中**“x”**中\">x</span>",
        "<div>\n中**“x”**中\n</div>",
        "[中**“x”**中]\n\n[中**“x”**中]: /url",
    ])
    func leavesURLsRawHTMLAndLabelsByteIdentical(markdown: String) {
        // Here cmark reads the asterisks as part of a URL, raw HTML or a label, never as
        // emphasis, so the fix must not show. (The label's text does get emphasis, on purpose.)
        let unsafe = MarkdownOptions(unsafe: true, portalAdditions: false, cjkEmphasis: true)
        let plain = MarkdownOptions(unsafe: true, portalAdditions: false, cjkEmphasis: false)
        let fixed = MarkdownRenderer(options: unsafe).render(markdown)
        let original = MarkdownRenderer(options: plain).render(markdown)
        if markdown.hasPrefix("[中") {
            #expect(fixed.html == "<p><a href=\"/url\">中<strong>“x”</strong>中</a></p>\n")
        } else {
            #expect(fixed.html == original.html)
            #expect(fixed.links == original.links)
        }
    }

    @Test func leavesIntrawordAsteriskBetweenDigitsAsCommonMarkSays() {
        #expect(renderer.render("2*3*4").html == "<p>2<em>3</em>4</p>\n")
        #expect(renderer.render("2*3*4").html == commonMark.render("2*3*4").html)
    }

    @Test func leavesASCIIQuotesAfterALetterLiteralAsCommonMarkSays() {
        #expect(renderer.render(#"a**"foo"**"#).html == "<p>a**&quot;foo&quot;**</p>\n")
    }

    @Test func pairsDoubleUnderscoresThatEndWithAFullStop() {
        #expect(renderer.render("__（一）旅行。__如果").html == "<p><strong>（一）旅行。</strong>如果</p>\n")
    }

    @Test func pairsUnderscoresNextToChineseQuotationMarks() {
        #expect(renderer.render("推进__“六有”__建设").html == "<p>推进<strong>“六有”</strong>建设</p>\n")
        #expect(renderer.render("认真学习_《党章》_原文").html == "<p>认真学习<em>《党章》</em>原文</p>\n")
        // Between two letters, Chinese ones too, `_` neither opens nor closes (CommonMark's rule).
        #expect(renderer.render("一是_强化组织，_二是").html == "<p>一是_强化组织，_二是</p>\n")
    }

    @Test(arguments: [
        "字段user_name和file_name.docx，见附件_（一）_2024",
        "调用__init__方法，变量snake_case_name。",
        "姓名：____年龄：____岁",
        "填写：___年___月",
        "日期：__年__月__日",
        "见file_“名单”_2024",
    ])
    func leavesUnderscoresInNamesAndBlanksAsCommonMarkSays(markdown: String) {
        // A `_` between two letters, beside a Latin letter, or in a run of three or more is
        // read as CommonMark reads it.
        #expect(renderer.render(markdown).html == commonMark.render(markdown).html)
        #expect(!renderer.render(markdown).html.contains("<em>"))
        #expect(!renderer.render(markdown).html.contains("<strong>"))
    }

    @Test func countsAHanCharacterWithAVariationSelectorAsCJK() {
        // 葛 followed by U+E0100, as personal names are written.
        #expect(
            renderer.render("经营户葛\u{E0100}**“诚信”**经营").html
                == "<p>经营户葛\u{E0100}<strong>“诚信”</strong>经营</p>\n")
        #expect(
            renderer.render("店主葛\u{FE00}__（党员）__").html == "<p>店主葛\u{FE00}<strong>（党员）</strong></p>\n")
        #expect(renderer.render("a\u{FE00}__（x）__").html == commonMark.render("a\u{FE00}__（x）__").html)
    }

    @Test func leavesTextThatAlreadyHoldsTheSentinelAlone() {
        // U+2E18 marks the runs the fix changes; a text that has one is rendered as cmark does.
        let markdown = "推进**“六有”**建设⸘"
        #expect(renderer.render(markdown).html == "<p>推进**“六有”**建设⸘</p>\n")
    }

    @Test func removesTheSentinelFromEveryReportedString() {
        let markdown = """
            # 推进**“六有”**建设

            开展**“三亮”**活动，见[**“六有”**标准](a.md)和![**“三亮”**标识](b.png)。
            """
        let document = renderer.render(markdown)
        let strings =
            [document.html, document.plainText, document.firstParagraph]
            + document.headings.flatMap { [$0.text, $0.anchor] }
            + document.links.flatMap { [$0.destination, $0.renderedDestination] }
            + document.images.flatMap { [$0.source, $0.alternativeText] }
        for string in strings {
            #expect(!string.unicodeScalars.contains("\u{2E18}"), "\(string)")
        }
        #expect(document.plainText == "推进“六有”建设\n开展“三亮”活动，见“六有”标准和“三亮”标识。")
    }

    @Test func removesSentinelsFromAReferenceDefinitionUsedTwice() {
        // The definition's URL is copied into both links; the text after them still needs its own
        // sentinels removed.
        let markdown = "[甲][r]和[乙][r]，推进**“六有”**建设\n\n[r]: /中**“x”**中 \"题**“y”**目\""
        let document = renderer.render(markdown)
        #expect(
            document.html
                == "<p><a href=\"/%E4%B8%AD**%E2%80%9Cx%E2%80%9D**%E4%B8%AD\" title=\"题**“y”**目\">甲</a>和<a href=\"/%E4%B8%AD**%E2%80%9Cx%E2%80%9D**%E4%B8%AD\" title=\"题**“y”**目\">乙</a>，推进<strong>“六有”</strong>建设</p>\n"
        )
        #expect(document.links.map(\.destination) == ["/中**“x”**中", "/中**“x”**中"])
    }

    @Test func isOffWhenTheOptionIsOff() {
        #expect(commonMark.render("开展**“三亮”**活动").html == "<p>开展**“三亮”**活动</p>\n")
    }
}
