import Core
import Model
import Mustache

/// The lists and pages of news reports, notices and policy documents, and their cards.
extension PageViews {
    /// How many items of each kind the home page shows.
    public static let homeArticleCount = 5

    /// The three lists, for the tabs above each of them.
    private func articleTabs(current: ArticleKind, from path: SitePath) -> [ViewContext] {
        ArticleKind.allCases.map { kind in
            ["title": kind.title, "href": href(kind.list, from: path), "current": kind == current] as ViewContext
        }
    }

    /// How many items of `kind` there are: each is a page of its list.
    public func articleCount(of kind: ArticleKind) -> Int {
        switch kind {
        case .news: return portal.news.count
        case .notice: return portal.notices.count
        case .policy: return portal.policies.count
        }
    }

    /// One page of the list of news reports, notices or policy documents, newest first.
    public func articleList(_ kind: ArticleKind, page number: Int) -> ViewContext {
        let path = Routes.page(number, of: kind.list)
        let heading = number > 1 ? "\(kind.title)（第\(number)页）" : kind.title
        var context = layout(
            at: path, title: heading, section: Routes.news,
            breadcrumbs: [(kind.title, kind.list)] + (number > 1 ? [(kind.title, kind.list)] : []))
        let start = (number - 1) * Self.casesPerPage
        context["heading"] = kind.title
        context["total"] = articleCount(of: kind)
        context["unit"] = kind == .policy ? "件" : kind == .notice ? "条" : "篇"
        context["tabs"] = articleTabs(current: kind, from: path)
        context["items"] = articleCards(kind, from: path, range: start..<start + Self.casesPerPage)
        context["pagination"] = pagination(count: articleCount(of: kind), number: number, list: kind.list, from: path)
        return context
    }

    /// The cards of the items of `kind` at the positions `range`, newest first.
    private func articleCards(_ kind: ArticleKind, from path: SitePath, range: Range<Int>) -> [ViewContext] {
        switch kind {
        case .news: return portal.news.dropFirst(range.lowerBound).prefix(range.count).map { newsCard($0, from: path) }
        case .notice:
            return portal.notices.dropFirst(range.lowerBound).prefix(range.count).map { noticeCard($0, from: path) }
        case .policy:
            return portal.policies.dropFirst(range.lowerBound).prefix(range.count).map { policyCard($0, from: path) }
        }
    }

    /// The latest items of each kind, for the home page.
    func articleBlocks(from path: SitePath) -> ViewContext {
        [
            "news": articleCards(.news, from: path, range: 0..<Self.homeArticleCount),
            "notices": articleCards(.notice, from: path, range: 0..<Self.homeArticleCount),
            "policies": articleCards(.policy, from: path, range: 0..<Self.homeArticleCount),
            "newsHref": href(Routes.news, from: path), "noticesHref": href(Routes.notices, from: path),
            "policiesHref": href(Routes.policies, from: path), "hasNews": !portal.news.isEmpty,
            "hasNotices": !portal.notices.isEmpty, "hasPolicies": !portal.policies.isEmpty,
        ]
    }

    func newsCard(_ item: NewsItem, from path: SitePath) -> ViewContext {
        var card: ViewContext = [
            "title": item.title, "href": href(ArticleKind.news.item(item.slug), from: path), "date": item.date.chinese,
            "dateISO": item.date.description, "summary": item.summary, "kind": ArticleKind.news.title,
        ]
        if let district = item.district { card["district"] = taxon(district, Routes.district(district), from: path) }
        if let cover = item.cover { card["cover"] = picture(cover, from: path) }
        return card
    }

    func noticeCard(_ notice: Notice, from path: SitePath) -> ViewContext {
        var card: ViewContext = [
            "title": notice.title, "href": href(ArticleKind.notice.item(notice.slug), from: path),
            "date": notice.date.chinese, "dateISO": notice.date.description, "summary": notice.summary,
            "kind": ArticleKind.notice.title, "isExpired": notice.isExpired(on: today),
        ]
        if let until = notice.until { card["until"] = until.chinese }
        return card
    }

    func policyCard(_ policy: PolicyDocument, from path: SitePath) -> ViewContext {
        var card: ViewContext = [
            "title": policy.title, "href": href(ArticleKind.policy.item(policy.slug), from: path),
            "date": policy.date.chinese, "dateISO": policy.date.description, "summary": policy.summary,
            "kind": ArticleKind.policy.title, "number": policy.number, "issuer": policy.issuer,
        ]
        if let attachment = policy.attachment {
            card["attachment"] =
                [
                    "href": attachment.path.fileHref(from: path), "format": attachment.formatName,
                    "size": attachment.sizeText,
                ] as ViewContext
        }
        return card
    }

    func picture(_ cover: CoverPicture, from path: SitePath) -> ViewContext {
        var picture: ViewContext = ["src": cover.path.fileHref(from: path), "alt": cover.alternativeText]
        if let size = cover.size {
            picture["width"] = size.width
            picture["height"] = size.height
        }
        return picture
    }

    /// The page of one news report, notice or policy document, under its list.
    private func articlePage(
        _ kind: ArticleKind, slug: String, title: String, summary: String, list: SitePath, publication: Publication,
        body rendered: RenderedBody, card: (SitePath) -> ViewContext
    ) -> (context: ViewContext, path: SitePath) {
        let path = kind.item(slug)
        var context = layout(
            at: path, title: title, description: summary, section: Routes.news, breadcrumbs: [(kind.title, list)])
        context["statusBanner"] = statusBanner(publication)
        context["item"] = card(path)
        context["body"] = body(rendered)
        return (context, path)
    }

    public func newsItem(_ item: NewsItem) -> ViewContext {
        note(.collection(.news))
        var (context, path) = articlePage(
            .news, slug: item.slug, title: item.title, summary: item.summary, list: Routes.news,
            publication: item.publication, body: item.body
        ) { newsCard(item, from: $0) }
        context["more"] = portal.news.filter { $0.slug != item.slug }.prefix(Self.homeArticleCount).map {
            newsCard($0, from: path)
        }
        return context
    }

    public func notice(_ notice: Notice) -> ViewContext {
        note(.collection(.notices))
        return articlePage(
            .notice, slug: notice.slug, title: notice.title, summary: notice.summary, list: Routes.notices,
            publication: notice.publication, body: notice.body
        ) { noticeCard(notice, from: $0) }.context
    }

    public func policy(_ policy: PolicyDocument) -> ViewContext {
        note(.collection(.policies))
        return articlePage(
            .policy, slug: policy.slug, title: policy.title, summary: policy.summary, list: Routes.policies,
            publication: policy.publication, body: policy.body
        ) { policyCard(policy, from: $0) }.context
    }
}
