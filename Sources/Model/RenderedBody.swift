import Core

/// A page's Markdown body after rendering: safe HTML and what the pages show about it.
public struct RenderedBody: Sendable, Hashable, Codable {
    public var html: String
    public var tableOfContents: [TableOfContentsEntry]
    /// The first paragraph without markup, for the summary of pages that give none.
    public var firstParagraph: String
    /// Characters a reader reads, for reading time.
    public var readableCharacters: Int

    public init(html: String, tableOfContents: [TableOfContentsEntry], firstParagraph: String, readableCharacters: Int) {
        self.html = html
        self.tableOfContents = tableOfContents
        self.firstParagraph = firstParagraph
        self.readableCharacters = readableCharacters
    }

    /// No body: what a build state keeps of a case, whose body it reads anew when needed.
    public static let empty = RenderedBody(html: "", tableOfContents: [], firstParagraph: "", readableCharacters: 0)

    public var readingMinutes: Int { ChineseText.readingMinutes(characters: readableCharacters) }
}

public struct TableOfContentsEntry: Sendable, Hashable, Codable {
    public var level: Int
    public var title: String
    public var anchor: String

    public init(level: Int, title: String, anchor: String) {
        self.level = level
        self.title = title
        self.anchor = anchor
    }
}
