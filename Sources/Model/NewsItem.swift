import Core

/// A report of the bureau's party-building work (工作动态) from `content/news/`.
public struct NewsItem: Sendable, Hashable, Codable {
    public var slug: String
    public var title: String
    public var date: Day
    public var summary: String
    /// The district the report is about, when it is about one.
    public var district: Taxon?
    public var cover: CoverPicture?
    public var body: RenderedBody
    public var source: SourceLocation
    public var publication: Publication

    public init(
        slug: String, title: String, date: Day, summary: String, district: Taxon? = nil, cover: CoverPicture? = nil,
        body: RenderedBody, source: SourceLocation, publication: Publication = Publication()
    ) {
        self.slug = slug
        self.title = title
        self.date = date
        self.summary = summary
        self.district = district
        self.cover = cover
        self.body = body
        self.source = source
        self.publication = publication
    }
}
