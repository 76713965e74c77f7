import Core
import Markdown
import Model

/// News reports, notices and policy documents made from their sources once their bodies are
/// rendered and the files they name are known.
extension ContentLoader {
    /// The files a case, news report or policy document names in its front matter, checked and
    /// marked as used whether or not this build keeps the page, as review pages are checked too.
    struct ArticleFiles {
        var cover: CoverPicture?
        var attachment: Attachment?
    }

    static func checkArticleFiles(
        of source: PageSource, checker: inout ReferenceChecker, resolver: LinkResolver, facts: [String: MediaFacts]
    ) -> ArticleFiles {
        var files = ArticleFiles()
        if let cover = source.metadata.cover, let path = checker.checkFile(cover.reference, of: source, missing: "封面图片"),
            let file = resolver.media[path]
        {
            files.cover = CoverPicture(path: file.shown.path, size: file.shown.size, alternativeText: cover.alternativeText)
        }
        switch source.metadata {
        case .policy(let metadata):
            if let attachment = metadata.attachment,
                let path = checker.checkFile(attachment, of: source, missing: "附件"),
                let file = resolver.media[path]
            {
                files.attachment = Attachment(
                    path: file.linked.path, byteCount: Int(facts[path]?.stamp.size ?? 0), fileExtension: file.fileExtension)
            }
        default:
            break
        }
        return files
    }

    static func newsItem(
        _ source: PageSource, _ metadata: PageSource.NewsMetadata, _ document: MarkdownDocument, _ body: RenderedBody,
        files: ArticleFiles
    ) -> NewsItem {
        NewsItem(
            slug: source.slug, title: metadata.title, date: metadata.date, summary: metadata.summary,
            district: metadata.district,
            cover: files.cover, body: body, source: source.location, publication: source.publication)
    }

    static func notice(_ source: PageSource, _ metadata: PageSource.NoticeMetadata, _ body: RenderedBody) -> Notice {
        Notice(
            slug: source.slug, title: metadata.title, date: metadata.date, summary: metadata.summary, until: metadata.until,
            body: body, source: source.location, publication: source.publication)
    }

    static func policy(
        _ source: PageSource, _ metadata: PageSource.PolicyMetadata, _ document: MarkdownDocument, _ body: RenderedBody,
        files: ArticleFiles
    ) -> PolicyDocument {
        PolicyDocument(
            slug: source.slug, title: metadata.title, number: metadata.number, issuer: metadata.issuer, date: metadata.date,
            summary: metadata.summary ?? ChineseText.summary(of: document.firstParagraph), attachment: files.attachment,
            body: body, source: source.location, publication: source.publication)
    }

    /// Newest first; items of one day by title, then slug, so every build orders them alike.
    static func newestFirst<Item>(_ items: [Item], date: (Item) -> Day, title: (Item) -> String, slug: (Item) -> String)
        -> [Item]
    {
        items.sorted { lhs, rhs in
            if date(lhs) != date(rhs) { return date(lhs) > date(rhs) }
            if title(lhs) != title(rhs) { return title(lhs) < title(rhs) }
            return slug(lhs) < slug(rhs)
        }
    }
}
