import Build
import Foundation
import Testing

/// The search page's script (`templates/assets/search.js`) run under node against the built
/// fixture portal by `SearchHarness/query.js`, which loads the index files as the page does:
/// the queries a reader types, and the results they must find first.
@Suite struct SearchPageTests {
    struct Query: Encodable {
        var q: String
        var district: String?
        var category: String?
        var year: String?
        /// How many results to show; the page shows ten at a time.
        var limit: Int?
    }

    struct Outcome: Decodable {
        struct Result: Decodable {
            var kind: String
            /// With the query's terms in ⟦ ⟧, as the page marks them.
            var title: String
            var path: String
            var district: String
            var category: String
            var date: String
            var score: Double
            var snippets: [String]
        }

        struct Loaded: Decodable {
            var file: String
            var bytes: Int
        }

        var terms: [String]
        var total: Int
        var results: [Result]
        var loaded: [Loaded]

        var paths: [String] { results.map(\.path) }
    }

    static let harness = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("SearchHarness/query.js")

    /// `node` on the PATH; CI installs it with the other system packages (`scripts/install-deps`).
    static func node() throws -> URL {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        let found = folders.map { URL(fileURLWithPath: String($0)).appendingPathComponent("node") }.first {
            FileManager.default.isExecutableFile(atPath: $0.path)
        }
        return try #require(
            found,
            "node is needed to run the search page's script: install Node.js (scripts/install-deps installs the Debian package nodejs)"
        )
    }

    /// Builds the fixture portal into a temporary folder and runs `queries` on it.
    static func search(_ queries: [Query]) async throws -> [Outcome] {
        let node = try node()
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        _ = try await workspace.builder.publish(to: workspace.output)
        let process = Process()
        process.executableURL = node
        let json = String(decoding: try JSONEncoder().encode(queries), as: UTF8.self)
        process.arguments = [harness.path, workspace.output.path, json]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "the harness failed: \(problems)")
        let outcomes = try JSONDecoder().decode([Outcome].self, from: data)
        try #require(outcomes.count == queries.count)
        return outcomes
    }

    @Test func findsPeopleShopsAndSitesByTheirNames() async throws {
        let outcomes = try await Self.search([
            Query(q: "陈秀英"), Query(q: "秀英水产档"), Query(q: "服务站"), Query(q: "立军茶庄"),
        ])
        let (person, shop, siteName, otherShop) = (outcomes[0], outcomes[1], outcomes[2], outcomes[3])
        #expect(person.terms == ["陈秀", "秀英"])
        #expect(person.paths == ["sites/site-01/", "cases/case-09/"], "a member's site first, then the case that names her")
        #expect(shop.paths.first == "sites/site-01/")
        #expect(shop.paths.contains("cases/case-09/"), "a shop named only in a case's body")
        #expect(siteName.paths.first == "sites/site-02/", "a term found only in a site's name")
        #expect(siteName.results.first?.kind == "联系点")
        #expect(siteName.results.dropFirst().allSatisfy { $0.kind == "案例" }, "then the cases at that site")
        #expect(otherShop.paths == ["sites/site-02/"])
    }

    @Test func findsOneCharacterInTitlesTagsAndNamesOnly() async throws {
        let outcomes = try await Self.search([Query(q: "茶"), Query(q: "陈"), Query(q: "阵"), Query(q: "讲")])
        #expect(outcomes[0].paths == ["sites/site-02/"], "立军茶庄")
        #expect(outcomes[1].paths == ["sites/site-01/"], "陈秀英")
        #expect(outcomes[2].total == 0, "阵 is only in bodies")
        #expect(outcomes[3].paths == ["courses/course-01/"], "书记轮训第一讲")
    }

    @Test func ranksTitleAndTagHitsFirstThenNewerCases() async throws {
        let outcomes = try await Self.search([Query(q: "六有", limit: 30), Query(q: "书记"), Query(q: "关于本站"), Query(q: "南浦区 案例")])
        let tag = outcomes[0]
        #expect(tag.total == 25, "every case mentions 六有")
        #expect(tag.paths.first == "cases/case-10/", "the newest case tagged 六有")
        let tagged = tag.results.prefix { $0.score >= 7 }
        #expect(tagged.count == 15, "the 15 cases tagged 六有 come before the cases that only mention it")
        #expect(tag.results.map(\.score) == tag.results.map(\.score).sorted(by: >))
        #expect(outcomes[1].paths.first == "courses/course-01/")
        #expect(outcomes[1].results.first?.kind == "课程")
        #expect(outcomes[2].paths.first == "about/")
        #expect(outcomes[2].results.first?.kind == "页面")
        let district = outcomes[3]
        #expect(district.total == 8, "every term must match: the cases of 南浦区")
        #expect(district.results.allSatisfy { $0.district == "南浦区" })
        #expect(district.results.map(\.date).first == "2025年9月21日", "newest first among equals")
    }

    @Test func filtersByDistrictCategoryAndYear() async throws {
        let outcomes = try await Self.search([
            Query(q: "案例"), Query(q: "案例", district: "nanpu"), Query(q: "案例", category: "shichang"),
            Query(q: "案例", year: "2025"), Query(q: "案例", district: "nanpu", year: "2025"),
        ])
        let all = outcomes[0].total
        #expect(all >= 25)
        #expect(outcomes[1].total == 8)
        #expect(outcomes[1].results.allSatisfy { $0.district == "南浦区" })
        #expect(outcomes[2].total > 0 && outcomes[2].results.allSatisfy { $0.category == "专业市场" })
        #expect(outcomes[3].total > 0 && outcomes[3].results.allSatisfy { $0.date.hasPrefix("2025年") })
        #expect(outcomes[4].total == 4)
        #expect(outcomes.dropFirst().allSatisfy { $0.total < all })
    }

    @Test func marksTheMatchedText() async throws {
        let outcomes = try await Self.search([Query(q: "陈秀英"), Query(q: "服务站"), Query(q: "ＣＡＳＥ 不存在的词")])
        #expect(outcomes[0].results.first?.snippets == ["党员经营户：⟦陈秀英⟧（⟦秀英⟧水产档）、吴德昌（德昌干货行）"])
        #expect(outcomes[0].results.last?.snippets.first?.contains("由党员⟦陈秀英⟧经营") == true, "a window of the body")
        #expect(outcomes[1].results.first?.title == "西津古街党员⟦服务站⟧")
        #expect(outcomes[2].terms == ["ca", "as", "se", "不存", "存在", "在的", "的词"])
        #expect(outcomes[2].total == 0)
    }

    @Test func loadsOnlyTheShardsAQueryNeeds() async throws {
        let outcomes = try await Self.search([Query(q: "六有"), Query(q: "陈秀英")])
        let files = outcomes[0].loaded.map(\.file)
        #expect(files.first == "search/meta.js")
        #expect(files.filter { $0.hasPrefix("search/terms/") }.count == 1, "one term, one shard")
        #expect(files.filter { $0.hasPrefix("search/docs/") }.count <= 4, "the document shards of ten results")
        #expect(outcomes[1].loaded.filter { $0.file.hasPrefix("search/terms/") }.count <= 2)
    }

    @Test func offersASearchFormOnEveryPageAndALabelledOneOnTheSearchPage() async throws {
        let files = try await FixtureSite.build()
        let page = try #require(files.text("search/index.html"))
        #expect(page.contains(#"<form class="search-form" id="search-form" role="search""#))
        #expect(page.contains(#"<label for="search-q">关键词</label>"#))
        #expect(page.contains(#"<input type="search" id="search-q" name="q""#))
        #expect(page.contains(#"<p class="search-status" id="search-status" role="status" aria-live="polite"></p>"#))
        #expect(page.contains(#"<ol class="search-results" id="search-results"></ol>"#))
        #expect(page.contains(#"<option value="nanpu">南浦区</option>"#))
        #expect(page.contains(#"<option value="2024">2024年</option>"#))
        #expect(page.contains(#"<script src="../assets/search.js" defer></script>"#))
        #expect(!page.contains("site-search-q"), "the search page has its own form, not the header's")
        let caseStudy = try #require(files.text("cases/case-01/index.html"))
        #expect(
            caseStudy.contains(#"<form class="site-search" role="search" aria-label="站内搜索" action="../../search/" method="get">"#)
        )
        #expect(caseStudy.contains(#"<label class="visually-hidden" for="site-search-q">搜索本站</label>"#))
        #expect(!caseStudy.contains("search.js"), "only the search page loads the search script")
        let notFound = try #require(files.text("404.html"))
        #expect(notFound.contains(#"action="/xgz/search/""#), "the 404 page is served at any depth")
    }

    /// A `Content-Security-Policy: default-src 'self'` forbids inline scripts, inline styles and
    /// event handler attributes: every page and the search script must do without. The 公众号
    /// articles carry their look in style attributes, which the editor they are pasted into
    /// keeps; `deploy/portal-site.conf` lets inline styles, and nothing else, through for them.
    @Test func everyPageWorksUnderAStrictContentSecurityPolicy() async throws {
        let files = try await FixtureSite.build()
        for (path, bytes) in files where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            #expect(
                path.hasPrefix("wechat/") || (!html.contains(" style=") && !html.contains("<style")),
                "\(path) has an inline style")
            #expect(!html.contains("<style"), "\(path) has a style sheet of its own")
            #expect(html.components(separatedBy: "<script").dropFirst().allSatisfy { $0.hasPrefix(" src=") }, "\(path)")
            #expect(html.range(of: #" on[a-z]+="#, options: .regularExpression) == nil, "\(path) has an event handler")
        }
        let script = try #require(files.text("assets/search.js"))
        for unsafe in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"] {
            #expect(!script.contains(unsafe), "search.js uses \(unsafe)")
        }
    }
}
