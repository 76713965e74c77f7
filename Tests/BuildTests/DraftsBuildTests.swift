import Build
import Foundation
import Testing

/// `portal build --drafts`: draft and review pages are built too, each under a banner naming
/// its status; a normal build shows no trace of them.
@Suite struct DraftsBuildTests {
    func buildWithDrafts() async throws -> [String: [UInt8]] {
        var options = FixtureSite.options()
        options.includeUnpublished = true
        let sink = MemorySink()
        _ = try await SiteBuilder(options: options).build(into: sink)
        return await sink.files
    }

    @Test func buildsDraftAndReviewPagesUnderABanner() async throws {
        let files = try await buildWithDrafts()
        let draft = try #require(files.text("cases/draft-01/index.html"))
        #expect(
            draft.contains(
                "<main id=\"main\" class=\"container\">\n<p class=\"status-banner is-draft\" role=\"note\"><strong>草稿</strong>本页是草稿，尚未送审，不会发布。</p>\n"
            ))
        let review = try #require(files.text("cases/review-01/index.html"))
        #expect(review.contains(#"<p class="status-banner" role="note"><strong>待审核</strong>本页正在审核，尚未发布。</p>"#))
        let published = try #require(files.text("cases/case-01/index.html"))
        #expect(!published.contains("status-banner"))
        #expect(files.text("cases/index.html")?.contains("待审核案例") == true)
    }

    /// Not in a list, the feed, the sitemap or the register.
    @Test func leavesReviewPagesOutOfANormalBuild() async throws {
        let files = try await FixtureSite.build()
        #expect(files["cases/review-01/index.html"] == nil)
        for (path, bytes) in files {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("待审核案例") && !text.contains("review-01"), "\(path) shows the case under review")
            #expect(!text.contains("status-banner\""), "\(path) has a banner")
        }
    }
}
