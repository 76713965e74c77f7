import Markdown
import Testing

@Suite struct LinkTests {
    let renderer = MarkdownRenderer(options: .portal)

    /// What the portal's content stage does: a Markdown file becomes its page's folder URL.
    static func portalURL(_ destination: String) -> String? {
        guard !destination.contains("://"), !destination.hasPrefix("mailto:") else { return nil }
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts[0].hasSuffix(".md") else { return nil }
        let name = parts[0].split(separator: "/").last!.dropLast(3)
        return "/cases/\(name)/" + (parts.count > 1 ? "#" + parts[1] : "")
    }

    @Test func rewritesLinksToMarkdownFilesAndKeepsTheFragment() {
        let document = renderer.render(
            "见[案例](../cases/a.md)和[做法](a.md#做法)，及[外链](https://example.cn/)。", rewriteLink: Self.portalURL)
        #expect(
            document.html
                == "<p>见<a href=\"/cases/a/\">案例</a>和<a href=\"/cases/a/#%E5%81%9A%E6%B3%95\">做法</a>，及<a href=\"https://example.cn/\">外链</a>。</p>\n"
        )
        #expect(
            document.links.map(\.destination) == ["../cases/a.md", "a.md#做法", "https://example.cn/"])
        #expect(document.links.map(\.renderedDestination) == ["/cases/a/", "/cases/a/#做法", "https://example.cn/"])
    }

    @Test func callsTheRewriteOncePerLinkInDocumentOrderAndNeverForImages() {
        var seen: [String] = []
        _ = renderer.render("[a](1.md) ![i](img.png) *[b](2.md)*\n\n- [c][ref]\n\n<http://d.cn>\n\n[ref]: 3.md") { destination in
            seen.append(destination)
            return nil
        }
        #expect(seen == ["1.md", "2.md", "3.md", "http://d.cn"])
    }

    @Test func leavesLinksAloneWhenPortalAdditionsAreOff() {
        var called = false
        let document = MarkdownRenderer(options: .commonMark).render("[a](a.md)") { _ in
            called = true
            return "/x/"
        }
        #expect(!called)
        #expect(document.html == "<p><a href=\"a.md\">a</a></p>\n")
        #expect(
            document.links == [
                Link(destination: "a.md", renderedDestination: "a.md", position: SourcePosition(line: 1, column: 1))
            ])
    }

    @Test func reportsTheDestinationAsCmarkReadIt() {
        let document = renderer.render("[a](<b c.md> \"t\") [d](e\\_f.md) [g](h&amp;i)")
        #expect(document.links.map(\.destination) == ["b c.md", "e_f.md", "h&i"])
    }

    @Test func emptiesJavaScriptLinksInSafeMode() {
        let document = renderer.render("[点我](javascript:alert(1)) [图](JavaScript:x) [好](https://example.cn)")
        #expect(
            document.html
                == "<p><a href=\"\">点我</a> <a href=\"\">图</a> <a href=\"https://example.cn\">好</a></p>\n")
        #expect(document.links.map(\.renderedDestination) == ["", "", "https://example.cn"])
    }

    @Test func emptiesADangerousRewriteInSafeMode() {
        let document = renderer.render("[a](a.md)") { _ in "javascript:alert(1)" }
        #expect(document.html == "<p><a href=\"\">a</a></p>\n")
        #expect(document.links.first?.renderedDestination == "")
    }

    @Test func keepsJavaScriptLinksInUnsafeMode() {
        let document = MarkdownRenderer(options: MarkdownOptions(unsafe: true)).render("[a](javascript:x)")
        #expect(document.html == "<p><a href=\"javascript:x\">a</a></p>\n")
        #expect(document.links.first?.renderedDestination == "javascript:x")
    }

    @Test func skipsLinksInsideImageAltTextWhichTheHTMLDoesNotHold() {
        var seen: [String] = []
        let document = renderer.render("![图 [链接](a.md)](b.png)") { destination in
            seen.append(destination)
            return nil
        }
        #expect(document.html == "<figure><img src=\"b.png\" alt=\"图 链接\" /><figcaption>图 链接</figcaption></figure>\n")
        #expect(seen.isEmpty)
        #expect(document.links.isEmpty)
    }
}
