import Core

/// What rendering one Markdown text produces: the HTML fragment and what the portal needs to
/// know about the text without parsing it again. Positions are 1-based and relative to the
/// Markdown text given to the renderer; the caller shifts them by the front matter's lines.
public struct MarkdownDocument: Sendable, Hashable {
    public var html: String
    public var headings: [Heading]
    /// The text of the whole document without markup, blocks separated by newlines.
    public var plainText: String
    /// The text of the first paragraph without markup, for summaries.
    public var firstParagraph: String
    public var links: [Link]
    public var images: [Image]
    /// Where raw HTML was dropped because the renderer runs in safe mode.
    public var omittedHTML: [SourcePosition]
    /// The most block quotes and lists open inside each other, and where that depth is reached.
    public var deepestNesting: Nesting?
    /// Mistakes in ```` ```table ```` and ```` ```chart ```` blocks, which are left as code.
    public var dataBlockProblems: [DataBlockProblem] = []
    /// Text that cannot come out as the author meant: a table with a broken delimiter row or
    /// more cells than its header, single tildes read as strikethrough.
    public var problems: [MarkupProblem] = []

    public init(
        html: String, headings: [Heading] = [], plainText: String = "", firstParagraph: String = "",
        links: [Link] = [], images: [Image] = [], omittedHTML: [SourcePosition] = [], deepestNesting: Nesting? = nil
    ) {
        self.html = html
        self.headings = headings
        self.plainText = plainText
        self.firstParagraph = firstParagraph
        self.links = links
        self.images = images
        self.omittedHTML = omittedHTML
        self.deepestNesting = deepestNesting
    }
}

/// A mistake in a table or chart block, at the line of the block that holds it.
public struct DataBlockProblem: Sendable, Hashable {
    public var position: SourcePosition
    public var message: String
    public var hint: String
}

/// A mistake in the Markdown itself, at the line and column where it shows.
public struct MarkupProblem: Sendable, Hashable {
    public enum Severity: Sendable, Hashable {
        case error, warning
    }

    public var severity: Severity
    public var position: SourcePosition
    public var message: String
    public var hint: String

    public init(severity: Severity, position: SourcePosition, message: String, hint: String) {
        self.severity = severity
        self.position = position
        self.message = message
        self.hint = hint
    }
}

public struct SourcePosition: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    /// The element id, unique in the document: `办理流程`, then `办理流程-1`.
    public var anchor: String
    public var position: SourcePosition

    public init(level: Int, text: String, anchor: String, position: SourcePosition) {
        self.level = level
        self.text = text
        self.anchor = anchor
        self.position = position
    }
}

public struct Link: Sendable, Hashable {
    /// The destination as the author wrote it.
    public var destination: String
    /// The destination in the HTML, after the rewrite closure ran.
    public var renderedDestination: String
    public var position: SourcePosition

    public init(destination: String, renderedDestination: String, position: SourcePosition) {
        self.destination = destination
        self.renderedDestination = renderedDestination
        self.position = position
    }
}

public struct Image: Sendable, Hashable {
    public var source: String
    public var alternativeText: String
    public var position: SourcePosition

    public init(source: String, alternativeText: String, position: SourcePosition) {
        self.source = source
        self.alternativeText = alternativeText
        self.position = position
    }
}

public struct Nesting: Sendable, Hashable {
    public var depth: Int
    public var position: SourcePosition

    public init(depth: Int, position: SourcePosition) {
        self.depth = depth
        self.position = position
    }
}

/// What an `<img>` of a known picture carries besides its `src`: the width and height it is
/// shown at, so the page keeps its place while it loads, and the other widths it comes in.
public struct ImageAttributes: Sendable, Hashable {
    public var size: ImageSize
    /// Candidate files by width (`a-800.jpg 800w, a-1600.jpg 1600w`), when there are several.
    public var sourceSet: String?
    /// How wide the picture is shown, for the browser to choose among `sourceSet`.
    public var sizes: String?

    public init(size: ImageSize, sourceSet: String? = nil, sizes: String? = nil) {
        self.size = size
        self.sourceSet = sourceSet
        self.sizes = sizes
    }
}
