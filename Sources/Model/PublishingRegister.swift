import Core

/// The publishing register (发布登记): every published page with who wrote it, who approved it
/// at each level of review and when, and its date. Built from the portal
/// alone, without a clock, so the same content always gives the same register.
public struct PublishingRegister: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        /// 案例, 课程, 页面, or the title of an `ArticleKind`.
        public var kind: String
        public var title: String
        public var path: SitePath
        /// A case's author, a course's trainer, a policy's issuer; the others name none.
        public var author: String
        public var publication: Publication
        /// The page's own date; standalone pages have none.
        public var date: Day?

        /// Who approved the page at `role`, or the empty text.
        public func approver(_ role: ReviewRole) -> String {
            publication.approval(role)?.by ?? ""
        }

        /// When the page was approved at `role` (`2025-05-20T09:00:00+08:00`), or the empty text.
        public func approvedAt(_ role: ReviewRole) -> String {
            publication.approval(role)?.at.description ?? ""
        }
    }

    /// Cases, courses, standalone pages, news, notices and policy documents; each oldest first
    /// (pages by address).
    public let entries: [Entry]

    public init(_ portal: Portal) {
        // Oldest first, then by address, each address worked out once.
        func byDate(_ entries: [Entry]) -> [Entry] {
            entries.map { ($0, $0.path.filePath) }.sorted { lhs, rhs in
                if lhs.0.date != rhs.0.date, let left = lhs.0.date, let right = rhs.0.date { return left < right }
                return lhs.1 < rhs.1
            }.map(\.0)
        }
        let cases = portal.cases.filter(\.publication.isPublished).map {
            Entry(
                kind: "案例", title: $0.title, path: Routes.caseStudy($0.slug), author: $0.author, publication: $0.publication,
                date: $0.date)
        }
        let courses = portal.courses.filter(\.publication.isPublished).map {
            Entry(
                kind: "课程", title: $0.title, path: Routes.course($0.slug), author: $0.trainer, publication: $0.publication,
                date: $0.date)
        }
        let pages = portal.pages.filter(\.publication.isPublished).map {
            Entry(kind: "页面", title: $0.title, path: Routes.page($0.slug), author: "", publication: $0.publication, date: nil)
        }
        let news = portal.news.filter(\.publication.isPublished).map {
            Entry(
                kind: ArticleKind.news.title, title: $0.title, path: ArticleKind.news.item($0.slug), author: "",
                publication: $0.publication, date: $0.date)
        }
        let notices = portal.notices.filter(\.publication.isPublished).map {
            Entry(
                kind: ArticleKind.notice.title, title: $0.title, path: ArticleKind.notice.item($0.slug), author: "",
                publication: $0.publication, date: $0.date)
        }
        let policies = portal.policies.filter(\.publication.isPublished).map {
            Entry(
                kind: ArticleKind.policy.title, title: $0.title, path: ArticleKind.policy.item($0.slug), author: $0.issuer,
                publication: $0.publication, date: $0.date)
        }
        entries = byDate(cases) + byDate(courses) + byDate(pages) + byDate(news) + byDate(notices) + byDate(policies)
    }
}
