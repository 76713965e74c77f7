import Core

/// The three kinds of dated announcements the bureau publishes besides its cases: work news
/// (工作动态), notices (通知公告) and policy documents (政策文件). Each has a list of its own,
/// and the three lists share one entry of the navigation.
public enum ArticleKind: String, Sendable, Hashable, CaseIterable, Codable {
    case news
    case notice
    case policy

    /// What readers call the kind, in lists, search results and the feed.
    public var title: String {
        switch self {
        case .news: return "工作动态"
        case .notice: return "通知公告"
        case .policy: return "政策文件"
        }
    }

    /// The list of the kind: `/news/`, `/notices/`, `/policies/`.
    public var list: SitePath {
        switch self {
        case .news: return Routes.news
        case .notice: return Routes.notices
        case .policy: return Routes.policies
        }
    }

    /// The page of the item `slug` of this kind.
    public func item(_ slug: String) -> SitePath { list.appending(slug) }
}
