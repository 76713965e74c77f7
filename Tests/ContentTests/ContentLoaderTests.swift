import Content
import Core
import Model
import Testing

@Suite struct ContentLoaderTests {
    @Test func loadsEveryKindOfSourceFromTheBaseSite() async throws {
        let site = try InlineSite()
        defer { site.remove() }
        let loaded = try await site.load()
        let portal = loaded.portal
        #expect(loaded.warnings.isEmpty)
        #expect(portal.config.title == "测试门户")
        #expect(portal.config.districts.map(\.slug) == ["donghu", "xijin"])
        #expect(portal.config.targets.demonstrationSitesTotal == 50)
        #expect(portal.config.targets.demonstrationSitesDeadline?.description == "2027-12-31")
        #expect(portal.cases.map(\.slug) == ["a", "b"], "newest first")
        #expect(portal.courses.map(\.caseSlugs) == [["a"]])
        #expect(portal.pages.map(\.slug) == ["about"])
        #expect(portal.sites.first?.liuyou.met == [true, true, true, true, false, true])
        #expect(portal.members.map(\.name) == ["陈秀英"])
    }

    @Test func rewritesLinksToMarkdownFilesIntoPageURLs() async throws {
        let site = try InlineSite()
        defer { site.remove() }
        let portal = try await site.load().portal
        let a = try #require(portal.cases.first { $0.slug == "a" })
        // cmark percent-encodes the Chinese anchor; browsers decode it to match the heading id.
        #expect(a.body.html.contains(#"<a href="../../cases/b/#%E4%B8%BB%E8%A6%81%E5%81%9A%E6%B3%95">另一案例</a>"#))
        let course = try #require(portal.courses.first)
        #expect(course.body.html.contains(#"href="../../cases/a/""#))
    }

    @Test func pairsChineseEmphasisInCaseBodies() async throws {
        let site = try InlineSite()
        defer { site.remove() }
        let a = try #require(try await site.load().portal.cases.first { $0.slug == "a" })
        #expect(a.body.html.contains("推进<strong>“六有”标准化阵地建设</strong>"))
        #expect(!a.body.html.contains("**"))
    }

    @Test func summarisesFromTheFirstParagraphWhenNoSummaryIsGiven() async throws {
        let site = try InlineSite()
        defer { site.remove() }
        let portal = try await site.load().portal
        #expect(portal.cases.first { $0.slug == "a" }?.summary == "推进“六有”标准化阵地建设，详见另一案例。")
        #expect(portal.cases.first { $0.slug == "b" }?.summary == "个体户亮身份。")
    }

    @Test func buildsATableOfContentsWithChineseAnchors() async throws {
        let site = try InlineSite()
        defer { site.remove() }
        let b = try #require(try await site.load().portal.cases.first { $0.slug == "b" })
        #expect(b.body.tableOfContents == [TableOfContentsEntry(level: 2, title: "主要做法", anchor: "主要做法")])
        #expect(b.body.html.contains(#"<h2 id="主要做法">主要做法</h2>"#))
    }

    @Test func leavesDraftsOutOfThePortal() async throws {
        let draft = InlineSite.base["cases/b.md"]!.replacingOccurrences(of: "summary:", with: "status: draft\nsummary:")
        let site = try InlineSite([
            "cases/b.md": draft,
            "cases/a.md": InlineSite.base["cases/a.md"]!.replacingOccurrences(
                of: "(b.md#主要做法)", with: "(https://example.gov.cn/)"),
        ])
        defer { site.remove() }
        #expect(try await site.load().portal.cases.map(\.slug) == ["a"])
    }

    @Test func neverLoadsPrivateMemberFields() async throws {
        let site = try InlineSite()
        defer { site.remove() }
        let members = try await site.load().portal.members
        #expect(!String(describing: members).contains("13800000001"))
    }

    @Test func acceptsAByteOrderMarkAndCRLFLineEnds() async throws {
        let site = try InlineSite()
        defer { site.remove() }
        let text = InlineSite.base["cases/b.md"]!.replacingOccurrences(of: "\n", with: "\r\n")
        try site.write([0xEF, 0xBB, 0xBF] + Array(text.utf8), to: "cases/b.md")
        let portal = try await site.load().portal
        #expect(portal.cases.first { $0.slug == "b" }?.title == "西津个体户党建")
    }

    @Test func ignoresEditorAndSystemJunk() async throws {
        let site = try InlineSite([
            "cases/.DS_Store": "x", "cases/~$draft.docx": "x", "cases/a.md.swp": "x", "cases/Thumbs.db": "x",
        ])
        defer { site.remove() }
        #expect(try await site.load().warnings.isEmpty)
    }
}
