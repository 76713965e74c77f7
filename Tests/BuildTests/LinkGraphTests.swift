import Testing

@testable import Build

/// The quick way `LinkGraph` follows the links templates make agrees with the general one.
@Suite struct LinkGraphTests {
    static let pages = ["index.html", "cases/index.html", "cases/a/index.html", "districts/x/page/2/index.html", "feed.xml"]
    static let hrefs = [
        "", "./", "../", "../../", "../../../", "cases/", "cases/a/", "cases/a", "../cases/a/", "../../cases/a/",
        "../../../tags/%E5%85%AD/", "../../tags/六有/", "#top", "../cases/#x", "https://example.gov.cn/", "/cases/",
        "../../.well-known/", "../../a//b/", "../../a/../b/", "mailto:a@b.cn", "../../feed.xml", "../../a?b=1",
    ]

    @Test func theQuickWayAgreesWhereverItAnswers() {
        var answered = 0
        for page in Self.pages {
            let folder = page.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
            let upToRoot = String(repeating: "../", count: folder.count)
            for href in Self.hrefs {
                guard let quick = LinkGraph.fromRoot(href, upToRoot: upToRoot) else { continue }
                answered += 1
                #expect(quick == LinkGraph.resolve(href, in: folder), "\(href) from \(page)")
            }
        }
        #expect(answered > 10)
    }

    @Test func findsBrokenLinksAndNumbersTheOthers() {
        let graph = LinkGraph(paths: ["index.html", "cases/index.html", "cases/a/index.html"])
        let page = Array(#"<a href="../">首页</a> <a href="a/">案例</a> <a href="b/">缺</a> <a href="b/">缺</a>"#.utf8)
        let links = graph.links(in: page, from: "cases/index.html")
        #expect(links.targets == [0, 2])
        #expect(links.broken == ["b/"])
    }
}
