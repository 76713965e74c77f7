import Core

/// A typical case or experience write-up (典型案例、经验做法) from `content/cases/`.
public struct CaseStudy: Sendable, Hashable {
    public var slug: String
    public var title: String
    public var date: Day
    public var district: Taxon
    public var category: Taxon
    public var tags: [String]
    public var siteIDs: [String]
    public var author: String
    public var summary: String
    public var body: RenderedBody
    public var source: SourceLocation
    public var publication: Publication

    /// The picture its card shows on the home page and in lists (`cover:`), if any.
    public var cover: CoverPicture?

    public init(
        slug: String, title: String, date: Day, district: Taxon, category: Taxon, tags: [String],
        siteIDs: [String], author: String, summary: String, body: RenderedBody, source: SourceLocation,
        publication: Publication = Publication()
    ) {
        self.slug = slug
        self.title = title
        self.date = date
        self.district = district
        self.category = category
        self.tags = tags
        self.siteIDs = siteIDs
        self.author = author
        self.summary = summary
        self.body = body
        self.source = source
        self.publication = publication
    }

    /// Newest first; cases of one day by title, then slug, so every build orders them alike.
    public static func newestFirst(_ lhs: CaseStudy, _ rhs: CaseStudy) -> Bool {
        if lhs.date != rhs.date { return lhs.date > rhs.date }
        if lhs.title != rhs.title { return lhs.title < rhs.title }
        return lhs.slug < rhs.slug
    }
}
