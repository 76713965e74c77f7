import Core

/// A course page of the rotating training of party-organization heads (轮训), from `content/courses/`.
public struct Course: Sendable, Hashable, Codable {
    public var slug: String
    public var title: String
    public var date: Day
    public var trainer: String
    public var audience: String
    public var hours: Double
    /// Slugs of the cases the course links to, in the order of the text, each once.
    public var caseSlugs: [String]
    public var body: RenderedBody
    public var source: SourceLocation
    public var publication: Publication

    public init(
        slug: String, title: String, date: Day, trainer: String, audience: String, hours: Double,
        caseSlugs: [String], body: RenderedBody, source: SourceLocation, publication: Publication = Publication()
    ) {
        self.slug = slug
        self.title = title
        self.date = date
        self.trainer = trainer
        self.audience = audience
        self.hours = hours
        self.caseSlugs = caseSlugs
        self.body = body
        self.source = source
        self.publication = publication
    }
}
