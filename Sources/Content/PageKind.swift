import Core
import Model

/// The folders of Markdown pages and what their front matter must hold.
enum PageKind: String, Sendable, CaseIterable {
    case caseStudy = "cases"
    case course = "courses"
    case page = "pages"
    case news = "news"
    case notice = "notices"
    case policy = "policies"

    var folder: String { rawValue }

    /// What a page of this kind is called in messages.
    var noun: String {
        switch self {
        case .caseStudy: return "案例"
        case .course: return "课程"
        case .page: return "页面"
        case .news: return "工作动态"
        case .notice: return "通知公告"
        case .policy: return "政策文件"
        }
    }

    /// Where the page `slug` of this kind is published.
    func path(of slug: String) -> SitePath {
        switch self {
        case .caseStudy: return Routes.caseStudy(slug)
        case .course: return Routes.course(slug)
        case .page: return Routes.page(slug)
        case .news: return ArticleKind.news.item(slug)
        case .notice: return ArticleKind.notice.item(slug)
        case .policy: return ArticleKind.policy.item(slug)
        }
    }
}
