import Foundation
import Testing

/// The rendered HTML of a case, a site and a list page, compared byte for byte with committed
/// golden files. A change to templates or view models shows up here as a diff to review;
/// `UPDATE_GOLDEN=1 swift test --filter GoldenTests` rewrites them on purpose.
@Suite struct GoldenTests {
    static let pages = [
        ("cases/case-07/index.html", "case.html"),
        ("sites/site-02/index.html", "site.html"),
        ("districts/donghu/cases/index.html", "district-list.html"),
        ("districts/donghu/index.html", "district.html"),
        ("index.html", "home.html"),
    ]

    @Test(arguments: pages)
    func rendersAsTheGoldenFile(_ page: (path: String, golden: String)) async throws {
        let files = try await FixtureSite.build()
        let rendered = try #require(files.text(page.path))
        let goldenURL = FixtureSite.golden.appendingPathComponent(page.golden)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try rendered.write(to: goldenURL, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: goldenURL, encoding: .utf8)
        #expect(rendered == golden, "\(page.path) differs from Golden/\(page.golden); review, then UPDATE_GOLDEN=1")
    }
}
