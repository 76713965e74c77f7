import Core

/// A policy document (政策文件) from `content/policies/`: its text, and the particulars by
/// which it is cited (文号, 发文机关, 成文日期), with its original as an attachment.
public struct PolicyDocument: Sendable, Hashable, Codable {
    public var slug: String
    public var title: String
    /// The document number, such as `X市监党〔2025〕3号`.
    public var number: String
    public var issuer: String
    /// The date of issue (成文日期).
    public var date: Day
    public var summary: String
    public var attachment: Attachment?
    public var body: RenderedBody
    public var source: SourceLocation
    public var publication: Publication

    public init(
        slug: String, title: String, number: String, issuer: String, date: Day, summary: String,
        attachment: Attachment? = nil, body: RenderedBody, source: SourceLocation, publication: Publication = Publication()
    ) {
        self.slug = slug
        self.title = title
        self.number = number
        self.issuer = issuer
        self.date = date
        self.summary = summary
        self.attachment = attachment
        self.body = body
        self.source = source
        self.publication = publication
    }
}
