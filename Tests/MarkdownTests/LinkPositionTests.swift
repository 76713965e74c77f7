import Markdown
import Testing

/// Every link is reported at its own `[` or `<`, wherever it stands: an error about it must
/// name the line the author has to fix, never the start of its paragraph or of the file.
@Suite struct LinkPositionTests {
    let renderer = MarkdownRenderer(options: .portal)

    struct Case: CustomTestStringConvertible, Sendable {
        let markdown: String
        let line: Int
        let column: Int
        var testDescription: String { markdown.debugDescription }
    }

    @Test(arguments: [
        Case(markdown: "# 标题 [a](a.md)", line: 1, column: 6),
        Case(markdown: "##   [a](a.md) ##", line: 1, column: 6),
        Case(markdown: "标题\n[a](a.md)\n===", line: 2, column: 1),
        Case(markdown: "见 <https://x.cn/>", line: 1, column: 3),
        Case(markdown: "甲\n见 <https://x.cn/>", line: 2, column: 3),
        Case(markdown: "甲\n&#42; [a](a.md)", line: 2, column: 7),
        Case(markdown: "甲\n&amp; <https://x.cn/>", line: 2, column: 7),
        Case(markdown: "`x` [a](a.md)", line: 1, column: 5),
        Case(markdown: "甲\n`代码` [a](a.md)", line: 2, column: 6),
        Case(markdown: "甲\n``多个`反引号`` [a](a.md)", line: 2, column: 12),
        Case(markdown: "[a][r]\n\n[r]: a.md", line: 1, column: 1),
        Case(markdown: "甲\n乙 [a][r]\n\n[r]:\n  a.md", line: 2, column: 3),
        Case(markdown: "甲\n乙 [r]\n\n[r]: a.md", line: 2, column: 3),
        Case(markdown: "- > 引用 [a](a.md)", line: 1, column: 8),
        Case(markdown: "- > 引用\n  > 续 [a](a.md)", line: 2, column: 7),
        Case(markdown: "1. 甲\n   - 乙 [a](a.md)", line: 2, column: 8),
        Case(markdown: "1. 甲\n   - 乙\n     丙 [a](a.md)", line: 3, column: 8),
        Case(markdown: "推进**“六有”**\n建设[a](a.md)", line: 2, column: 3),
        Case(markdown: "**[a](a.md)**", line: 1, column: 3),
        Case(markdown: "甲\n**粗体** [a](a.md)", line: 2, column: 8),
        Case(markdown: "[多\n行](a.md)", line: 1, column: 1),
        Case(markdown: "甲\\\n[a](a.md)", line: 2, column: 1),
        Case(markdown: "甲  \n乙[a](a.md)", line: 2, column: 2),
        Case(markdown: "甲\n\t乙 [a](a.md)", line: 2, column: 4),
        Case(markdown: "> 甲\n> 乙\n> 丙 [a](a.md)", line: 3, column: 5),
        Case(markdown: ">甲\n>乙 [a](a.md)", line: 2, column: 4),
        Case(markdown: "甲\n<b>x</b> [a](a.md)", line: 2, column: 10),
        Case(markdown: "甲\n\\* [a](a.md)", line: 2, column: 4),
        Case(markdown: "甲\n![图](x.png \"t\") [a](a.md)", line: 2, column: 17),
        Case(markdown: "甲 [b](b.md)\n乙 [a](a.md)", line: 2, column: 3),
        Case(markdown: "甲\n<b>x</b> <https://x.cn/>", line: 2, column: 10),
        Case(markdown: "甲\n乙 <b>x</b>\n丙 <https://x.cn/>", line: 3, column: 3),
        Case(markdown: "甲\\\n乙\n丙 [a](a.md)", line: 3, column: 3),
        Case(markdown: "甲\\\n乙 <https://x.cn/>", line: 2, column: 3),
        Case(markdown: "甲\n写信 <office@example.cn>", line: 2, column: 4),
        Case(markdown: "- 甲\n  乙 <https://x.cn/>", line: 2, column: 5),
        Case(markdown: "## 甲 <https://x.cn/>", line: 1, column: 6),
    ])
    func reportsALinkAtItsOwnPosition(_ example: Case) {
        let links = renderer.render(example.markdown).links
        #expect(links.last?.position == SourcePosition(line: example.line, column: example.column))
    }
}
