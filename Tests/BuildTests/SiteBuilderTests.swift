import Build
import Core
import Foundation
import Testing

@Suite struct SiteBuilderTests {
    @Test func buildsEveryPageOfTheFixtureSite() async throws {
        let files = try await FixtureSite.build()
        let dashboard =
            ["targets", "sites-by-district", "liuyou-by-district", "liuyou-by-site", "cases-by-district"]
            + ["cases-by-year", "courses"]
        let fixed = Set(dashboard.map { "dashboard/\($0).csv" }).union([
            "index.html", "404.html", "feed.xml", "sitemap.xml", "assets/portal.css", "assets/portal.js",
            "cases/index.html", "cases/page/2/index.html",
            "districts/index.html", "districts/donghu/index.html", "districts/xijin/index.html", "districts/nanpu/index.html",
            "categories/index.html", "categories/xiaowei/index.html", "categories/getihu/index.html",
            "categories/shichang/index.html",
            "tags/index.html", "tags/六有/index.html", "tags/三亮/index.html", "tags/诚信经营/index.html", "tags/党建引领/index.html",
            "years/index.html", "years/2024/index.html", "years/2025/index.html",
            "sites/index.html", "sites/site-01/index.html", "sites/site-02/index.html",
            // Each member's own page, and the print pages of every member's and site's plates.
            "members/m-001/index.html", "members/m-002/index.html", "members/m-003/index.html",
            "members/m-001/plate/index.html", "members/m-002/plate/index.html", "members/m-003/plate/index.html",
            "sites/site-01/plate/index.html", "sites/site-02/plate/index.html", "assets/plate.css", "assets/booklet.css",
            "members/index.html", "courses/index.html", "courses/course-01/index.html", "about/index.html",
            "register/index.html", "register/register.csv", "dashboard/index.html", "liaison/index.html",
            "coverage/index.html",
            "search/index.html", "assets/search.js", "search/meta.js", "news/index.html", "notices/index.html",
            "policies/index.html",
        ])
        // The lists narrowed by district, category or both, each below its district or category.
        let districts = ["donghu", "xijin", "nanpu"]
        let categories = ["xiaowei", "getihu", "shichang"]
        let narrowed = Set(
            districts.flatMap { district in
                ["cases", "sites", "members"].map { "districts/\(district)/\($0)/index.html" }
                    + categories.map { "districts/\(district)/cases/\($0)/index.html" }
            } + categories.flatMap { category in ["sites", "members"].map { "categories/\(category)/\($0)/index.html" } })
        // 29 documents (25 cases, 2 sites, a course, a page): 4 document shards, 4 term shards.
        let index = (0..<4).flatMap { ["search/docs/\($0).js", "search/terms/\($0).js"] }
        // Each case has its page and its 公众号 article file.
        let texts = fixed.union(narrowed).union(index).union((1...25).map { String(format: "cases/case-%02d/index.html", $0) })
            .union((1...25).map { String(format: "wechat/case-%02d/index.html", $0) })
        // Case 7's photo, in two widths, each named by a hash.
        let photos: Set = ["media/cases/case-07/market-800.6bb9a632.jpg", "media/cases/case-07/market-1600.73878eeb.jpg"]
        #expect(Set(files.keys.filter { !$0.hasSuffix(".gz") }) == texts.union(photos))
        // The files most visits load have a .gz twin: the home page, the section fronts, the
        // stylesheet, the script and the search index; the server compresses the rest.
        let shared = texts.filter { $0.hasPrefix("assets/") || $0.hasPrefix("search/") || $0.split(separator: "/").count <= 2 }
        #expect(shared.contains("index.html") && shared.contains("cases/index.html") && shared.contains("search/terms/0.js"))
        #expect(Set(files.keys.filter { $0.hasSuffix(".gz") }) == Set(shared.map { $0 + ".gz" }))
    }

    @Test func reportsEachStageAndThePagesWritten() async throws {
        final class Events: @unchecked Sendable {
            private let lock = NSLock()
            private var list: [BuildEvent] = []
            func append(_ event: BuildEvent) {
                lock.lock()
                list.append(event)
                lock.unlock()
            }
            var all: [BuildEvent] {
                lock.lock()
                defer { lock.unlock() }
                return list
            }
        }
        let events = Events()
        var options = FixtureSite.options()
        options.progress = { events.append($0) }
        let report = try await SiteBuilder(options: options).build(into: MemorySink())
        let stages = events.all.compactMap { event -> String? in
            if case .stage(let name) = event { return name }
            return nil
        }
        #expect(stages == ["templates", "load", "search", "media", "render", "links", "privacy"])
        let pages = events.all.compactMap { event -> Int? in
            if case .pages(let done, let total) = event, total == report.pageCount { return done }
            return nil
        }
        #expect(pages.last == report.pageCount)
        #expect(pages == pages.sorted())
    }

    @Test func leavesDraftsUnpublished() async throws {
        let files = try await FixtureSite.build()
        #expect(files["cases/draft-01/index.html"] == nil)
        #expect(!files.values.contains { String(decoding: $0, as: UTF8.self).contains("草稿案例") })
    }

    @Test func everyPageIsChineseAndLoadsNothingFromAnotherHost() async throws {
        let files = try await FixtureSite.build()
        for (path, bytes) in files where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"), "\(path)")
            for attribute in ["src=\"http", "src=\"//", "href=\"//"] {
                #expect(!html.contains(attribute), "\(path) loads from another host")
            }
            #expect(!html.contains("rel=\"stylesheet\" href=\"http"), "\(path)")
        }
    }

    @Test func neverPublishesPrivateFields() async throws {
        let files = try await FixtureSite.build()
        for (path, bytes) in files {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("1380000000"), "\(path) shows a phone number")
        }
        #expect(files.text("members/index.html")?.contains("秀英水产档") == true)
    }

    @Test func paginatesCaseListsTwentyToAPage() async throws {
        let files = try await FixtureSite.build()
        let first = try #require(files.text("cases/index.html"))
        let second = try #require(files.text("cases/page/2/index.html"))
        #expect(first.components(separatedBy: "<li class=\"card\">").count - 1 == 20)
        #expect(second.components(separatedBy: "<li class=\"card\">").count - 1 == 5)
        #expect(second.contains(#"<a href="../../../cases/" rel="prev">上一页</a>"#))
        #expect(first.contains(#"<a href="../cases/page/2/" rel="next">下一页</a>"#))
    }

    @Test func linksCasesToTheirSitesCoursesAndLists() async throws {
        let files = try await FixtureSite.build()
        let page = try #require(files.text("cases/case-01/index.html"))
        #expect(page.contains(#"<a href="../../sites/site-02/">西津古街党员服务站</a>（联系点）"#))
        #expect(page.contains(#"<a href="../../courses/course-01/">书记轮训第一讲</a>"#))
        #expect(page.contains(#"<a href="../../tags/%E4%B8%89%E4%BA%AE/">三亮</a>"#))
        #expect(page.contains(#"<a href="../../years/2024/">2024年</a>"#))
        let site = try #require(files.text("sites/site-01/index.html"))
        #expect(site.contains("陈秀英") && site.contains("吴德昌") && !site.contains("孙立军"))
        #expect(site.contains("“六有”阵地建设：6/6（100%）"))
        let course = try #require(files.text("courses/course-01/index.html"))
        #expect(course.contains(#"<a href="../../cases/case-01/">"#) && course.contains(#"<a href="../../cases/case-02/">"#))
    }

    @Test func writesAnAtomFeedOfTheNewestCases() async throws {
        let files = try await FixtureSite.build()
        let feed = try #require(files.text("feed.xml"))
        #expect(feed.hasPrefix(#"<?xml version="1.0" encoding="utf-8"?>"#))
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 20)
        #expect(feed.contains("<updated>2025-11-23T00:00:00+08:00</updated>"))
        #expect(feed.contains("<link href=\"https://example.gov.cn/xgz/cases/case-22/\"/>"))
    }

    @Test func listsEveryPublicPageInTheSitemap() async throws {
        let files = try await FixtureSite.build()
        let sitemap = try #require(files.text("sitemap.xml"))
        // The 404 page and the staff register are reached by address only, the search page by
        // its form; the plates are for printing, the 公众号 articles for staff to paste.
        let pageCount = files.keys.count(where: {
            $0.hasSuffix(".html") && !["404.html", "register/index.html", "search/index.html"].contains($0)
                && !$0.hasSuffix("/plate/index.html") && !$0.hasPrefix("wechat/")
        })
        #expect(sitemap.components(separatedBy: "<url>").count - 1 == pageCount)
        #expect(sitemap.contains("<loc>https://example.gov.cn/xgz/tags/%E5%85%AD%E6%9C%89/</loc>"))
        #expect(!sitemap.contains("404"))
    }

    @Test func producesTheSameBytesWhateverTheParallelism() async throws {
        let one = try await FixtureSite.build(parallelism: 1)
        let many = try await FixtureSite.build(parallelism: 64)
        #expect(Set(one.keys) == Set(many.keys))
        let differing = one.keys.filter { one[$0] != many[$0] }.sorted()
        #expect(differing.isEmpty, "files that differ: \(differing)")
    }

    @Test func escapesEveryTemplateValue() async throws {
        let content = try FixtureSite.copy()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let url = content.appendingPathComponent("cases/case-22.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(of: "title: \"西津区", with: "title: \"</title><script>alert(1)</script>\\\"'")
            .write(to: url, atomically: true, encoding: .utf8)
        let sink = MemorySink()
        _ = try await SiteBuilder(options: FixtureSite.options(content: content)).build(into: sink)
        let files = await sink.files
        // The register's CSV is data, not markup: it keeps the title as written; so does the
        // search index, whose script puts it on the page as text.
        for (path, bytes) in files where !path.hasSuffix(".csv") && !path.hasPrefix("search/docs/") {
            let output = String(decoding: bytes, as: UTF8.self)
            #expect(!output.contains("<script>alert(1)"), "\(path)")
        }
        #expect(files.text("register/register.csv")?.contains(#""</title><script>alert(1)</script>""'"#) == true)
        #expect(files.text("search/docs/2.js")?.contains(#""</title><script>alert(1)</script>\"'个体工商户党建案例22""#) == true)
        let page = try #require(files.text("cases/case-22/index.html"))
        #expect(page.contains("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;"))
        #expect(files.text("feed.xml")?.contains("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;") == true)
    }
}
