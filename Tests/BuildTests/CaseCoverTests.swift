import Build
import Foundation
import Testing

/// A case's `cover:` picture shows on its card: on the home page and in the lists.
@Suite struct CaseCoverTests {
    @Test func aCaseWithACoverShowsItOnItsCardOnTheHomePageAndInTheLists() async throws {
        let workspace = try ArticleTests.workspace()
        defer { workspace.remove() }
        let path = workspace.content.appendingPathComponent("cases/case-22.md")
        let text = try String(contentsOf: path, encoding: .utf8)
        try text.replacingOccurrences(of: "status: published", with: "cover: case-22.png\ncover_alt: 市场外景\nstatus: published")
            .write(to: path, atomically: true, encoding: .utf8)
        try Data(ArticleTests.png).write(to: workspace.content.appendingPathComponent("cases/case-22.png"))
        let sink = MemorySink()
        _ = try await SiteBuilder(options: ArticleTests.options(workspace)).build(into: sink)
        let files = await sink.files.mapValues { String(decoding: $0, as: UTF8.self) }
        let cover = try #require(files.keys.first { $0.hasPrefix("media/cases/case-22.") && $0.hasSuffix(".png") })
        let home = ArticleTests.main(files["index.html"])
        #expect(home.contains(#"<li class="card has-cover">"#))
        #expect(home.contains(#"<img class="card-cover" src="\#(cover)" alt="" width="4" height="3" loading="lazy">"#))
        #expect(ArticleTests.main(files["cases/index.html"]).contains(#"src="../\#(cover)""#))
        // Only that case's card has one.
        #expect(home.components(separatedBy: "card-cover").count - 1 == 1)
    }
}
