import Core

/// A notice (通知公告) from `content/notices/`: a call for entries, a meeting, a deadline.
public struct Notice: Sendable, Hashable, Codable {
    public var slug: String
    public var title: String
    public var date: Day
    public var summary: String
    /// The last day the notice applies; after it the notice is shown as 已截止.
    public var until: Day?
    public var body: RenderedBody
    public var source: SourceLocation
    public var publication: Publication

    public init(
        slug: String, title: String, date: Day, summary: String, until: Day? = nil, body: RenderedBody,
        source: SourceLocation, publication: Publication = Publication()
    ) {
        self.slug = slug
        self.title = title
        self.date = date
        self.summary = summary
        self.until = until
        self.body = body
        self.source = source
        self.publication = publication
    }

    /// Whether the notice no longer applies on `day`: its last day is past.
    public func isExpired(on day: Day) -> Bool {
        guard let until else { return false }
        return until < day
    }
}
