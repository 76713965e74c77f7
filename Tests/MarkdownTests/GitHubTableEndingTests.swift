import Markdown
import Testing

/// Where a pipe table ends, compared exactly with cmark-gfm 0.29 (the expected HTML is its
/// output for each text, through the `cmarkgfm` Python binding): a line that could not
/// interrupt a paragraph (indented code, `2.` lists, an empty `-`, a lone HTML tag) still ends a
/// table, and a setext underline under a table is a row (`===`), an empty list item (`-`) or a
/// thematic break (`---`), not a heading made of the table's lines. Raw HTML is omitted, as
/// cmark-gfm does by default.
@Suite struct GitHubTableEndingTests {
    static let examples: [(markdown: String, html: String)] = [
        (
            "| a | b |\n| - | - |\n| c | d |\n2. item\n",
            "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n<ol start=\"2\">\n<li>item</li>\n</ol>\n"
        ),
        (
            "| a | b |\n| - | - |\n| c | d |\n1. item\n",
            "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n<ol>\n<li>item</li>\n</ol>\n"
        ),
        (
            "| a | b |\n| - | - |\n| c | d |\n    code\n",
            "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n<pre><code>code\n</code></pre>\n"
        ),
        (
            "| a | b |\n| - | - |\n| c | d |\n<div>x</div>\n",
            "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n<!-- raw HTML omitted -->\n"
        ),
        (
            "| a | b |\n| - | - |\n| c | d |\n===\n",
            "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n<tr>\n<td>===</td>\n<td></td>\n</tr>\n</tbody>\n</table>\n"
        ),
        (
            "| a | b |\n| - | - |\n| c | d |\n---\n",
            "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n<hr />\n"
        ),
        (
            "| a | b |\n| - | - |\n| c | d |\n> quote\n",
            "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n<blockquote>\n<p>quote</p>\n</blockquote>\n"
        ),
        (
            "| a | b |\n| - | - |\n| c | d |\n# head\n",
            "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n<h1>head</h1>\n"
        ),
        (
            "| a | b |\n| - | - |\n| c | d |\n- item\n",
            "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n<ul>\n<li>item</li>\n</ul>\n"
        ),
        (
            "| a | b |\n| - | - |\n| c | d |\n```\ncode\n```\n",
            "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n<pre><code>code\n</code></pre>\n"
        ),
        (
            "| a | b |\n| - | - |\n| c | d |\nplain text\n",
            "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n<tr>\n<td>plain text</td>\n<td></td>\n</tr>\n</tbody>\n</table>\n"
        ),
        (
            "text above\n| a | b |\n| - | - |\n| c | d |\n",
            "<p>text above</p>\n<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n"
        ),
        (
            "| a | b |\n| - | - |\n| c | d |\n* * *\n",
            "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n<hr />\n"
        ),
        (
            "| a | b |\n| - | - |\n| c \\| e | d |\n",
            "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c | e</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n"
        ),
        ("a | b\n- | -\nc | d\n", "<p>a | b</p>\n<ul>\n<li>| -\nc | d</li>\n</ul>\n"),
        (
            "- item\n\n  | a | b |\n  | - | - |\n  | c | d |\n      code\n",
            "<ul>\n<li>\n<p>item</p>\n<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n<pre><code>code\n</code></pre>\n</li>\n</ul>\n"
        ),
        (
            "> | a | b |\n> | - | - |\n> | c | d |\n> 2. item\n",
            "<blockquote>\n<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n<ol start=\"2\">\n<li>item</li>\n</ol>\n</blockquote>\n"
        ),
        (
            "| a | b |\n| - | - |\n| c | d |\n<span>\n",
            "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n<!-- raw HTML omitted -->\n"
        ),
        (
            "| a | b |\n| - | - |\n| c | d |\n-\n",
            "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n<ul>\n<li></li>\n</ul>\n"
        ),
        (
            "| a | b |\n| - | - |\n| c | d |\n2. 见[链接][r]\n\n[r]: https://example.gov.cn\n",
            "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n<ol start=\"2\">\n<li>见<a href=\"https://example.gov.cn\">链接</a></li>\n</ol>\n"
        ),
        (
            "| a | b |\n| - | - |\n| c | d |\n<span>x</span>\n",
            "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n<tr>\n<td><!-- raw HTML omitted -->x<!-- raw HTML omitted --></td>\n<td></td>\n</tr>\n</tbody>\n</table>\n"
        ),
        (
            "| a | b |\n| - | - |\n| c | d |\n2) item\n",
            "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n<ol start=\"2\">\n<li>item</li>\n</ol>\n"
        ),
        (
            "| a | b |\n| - | - |\n| c | d |\n1234567890. item\n",
            "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n<tr>\n<td>1234567890. item</td>\n<td></td>\n</tr>\n</tbody>\n</table>\n"
        ),
        (
            "text\n| a | b |\n| - | - |\n| c | d |\n---\n",
            "<p>text</p>\n<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n<hr />\n"
        ),
        (
            "| a | b |\n| - | - |\n===\n",
            "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>===</td>\n<td></td>\n</tr>\n</tbody>\n</table>\n"
        ),
        (
            "| 指标 | 2024年 |\n| :--- | ---: |\n| 党员 | 12 |\n2. 备注：~~删除~~\n",
            "<table>\n<thead>\n<tr>\n<th align=\"left\">指标</th>\n<th align=\"right\">2024年</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"left\">党员</td>\n<td align=\"right\">12</td>\n</tr>\n</tbody>\n</table>\n<ol start=\"2\">\n<li>备注：<del>删除</del></li>\n</ol>\n"
        ),
    ]

    @Test(arguments: examples.indices)
    func endsTheTableWhereGitHubDoes(_ index: Int) {
        let example = Self.examples[index]
        let renderer = MarkdownRenderer(
            options: MarkdownOptions(unsafe: false, portalAdditions: false, cjkEmphasis: false, gitHubExtensions: true))
        #expect(renderer.render(example.markdown).html == example.html, "\(example.markdown.debugDescription)")
    }

    @Test func keepsTheLinesOfTheBlocksAfterATable() {
        let document = MarkdownRenderer(options: .gitHub).render("| a | b |\n| - | - |\n| c | d |\n2. 见[链接](../x.md)\n")
        #expect(document.links.map { "\($0.position.line):\($0.position.column)" } == ["4:5"])
    }
}
