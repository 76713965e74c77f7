import Core
import Markdown
import Testing

@Suite struct ImageTests {
    let renderer = MarkdownRenderer(options: .portal)

    @Test func reportsImagesWithTheirAltTextWithoutMarkup() {
        let document = renderer.render("活动现场：\n\n![党员先锋岗 *标识*](images/a.png \"标题\")")
        #expect(
            document.html
                == "<p>活动现场：</p>\n<figure><img src=\"images/a.png\" alt=\"党员先锋岗 标识\" title=\"标题\" /><figcaption>标题</figcaption></figure>\n"
        )
        #expect(
            document.images == [
                Image(source: "images/a.png", alternativeText: "党员先锋岗 标识", position: SourcePosition(line: 3, column: 1))
            ])
    }

    @Test func reportsOnlyTheOutermostOfNestedImages() {
        let document = renderer.render("前 ![外 ![内](in.png) 图](out.png)")
        #expect(
            document.images == [Image(source: "out.png", alternativeText: "外 内 图", position: SourcePosition(line: 1, column: 3))])
    }

    @Test func reportsImagesOfReferenceLinks() {
        let document = renderer.render("![徽标][logo]\n\n[logo]: /img/logo.png")
        #expect(document.images.map(\.source) == ["/img/logo.png"])
        #expect(document.images.map(\.alternativeText) == ["徽标"])
    }

    @Test func keepsDataImagesButEmptiesOtherDangerousSourcesInSafeMode() {
        let document = renderer.render("![a](data:image/png;base64,AAAA) ![b](javascript:x)")
        #expect(document.html == "<p><img src=\"data:image/png;base64,AAAA\" alt=\"a\" /> <img src=\"\" alt=\"b\" /></p>\n")
    }

    @Test func writesTheWidthsAPictureComesInOnItsImage() {
        let document = renderer.render(
            "![市场 \"外景\"](photo.jpg)",
            rewriteImage: { _ in "media/photo-800.1a2b3c4d.jpg" },
            imageAttributes: { _ in
                ImageAttributes(
                    size: ImageSize(width: 800, height: 600),
                    sourceSet: "media/photo-800.1a2b3c4d.jpg 800w, media/photo-1600.5e6f7a8b.jpg 1600w",
                    sizes: "(max-width: 42em) 100vw, 42em")
            })
        #expect(
            document.html
                == "<figure><img src=\"media/photo-800.1a2b3c4d.jpg\""
                + " srcset=\"media/photo-800.1a2b3c4d.jpg 800w, media/photo-1600.5e6f7a8b.jpg 1600w\""
                + " sizes=\"(max-width: 42em) 100vw, 42em\" alt=\"市场 &quot;外景&quot;\" width=\"800\" height=\"600\" />"
                + "<figcaption>市场 &quot;外景&quot;</figcaption></figure>\n")
    }
}
