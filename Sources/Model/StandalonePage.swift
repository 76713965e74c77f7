import Core

/// A page of its own (关于本站, 联系我们) from `content/pages/`, published at `/<slug>/`.
public struct StandalonePage: Sendable, Hashable, Codable {
    public var slug: String
    public var title: String
    public var body: RenderedBody
    public var source: SourceLocation
    public var publication: Publication

    public init(
        slug: String, title: String, body: RenderedBody, source: SourceLocation, publication: Publication = Publication()
    ) {
        self.slug = slug
        self.title = title
        self.body = body
        self.source = source
        self.publication = publication
    }
}
