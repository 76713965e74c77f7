import Testing
import Markdown

@Test func scratch() {
    let samples = [
        "# 标题\n\n段落 [a](b.md) 和\n  续行 ![图](x.png \"t\") <b>x</b> [c](d)\n\n- 列表 [e](f)\n  第二行 [g](h)\n\n> 引用\n续 [i](j)\n\n<div>\nx\n</div>\n",
        "a <http://x.com> b [x] *[y](z)*\n\n[x]: /y\n",
        "中**“x”** [a](b) **“三亮”**活动 [c](d)\n\n> > 中**“x”** [a](b) **“三亮”**活动 [c](d) `code\nspan` [e](f)\n",
        "## 办理流程\n\n## 办理流程\n\nSetext 标题\n---\n",
    ]
    for s in samples {
        let d = MarkdownRenderer().render(s) { $0.hasSuffix(".md") ? "/" + $0.dropLast(3) + "/" : nil }
        var out = "=== \(s.debugDescription)\n\(d.html)"
        for h in d.headings { out += "H \(h)\n" }
        for h in d.links { out += "L \(h)\n" }
        for h in d.images { out += "I \(h)\n" }
        for h in d.omittedHTML { out += "O \(h)\n" }
        print(out)
    }
}
