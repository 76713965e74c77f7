/// A Word document as the portal takes it in: the body's paragraphs and tables in order, the
/// notes they refer to, the pictures they show, and what could not be read, each with the
/// paragraph it was found in. Plain values: the reader fills it, the importer writes it out.
public struct WordDocument: Sendable {
    /// The title of the document's properties (文件 → 属性), often empty or out of date.
    public var propertiesTitle: String?
    public var blocks: [Block]
    /// Footnotes and endnotes in the order the body refers to them; `.note(n)` is `notes[n - 1]`.
    public var notes: [[Paragraph]]
    /// The pictures' bytes by their part name in the package (`word/media/image1.jpeg`).
    public var pictures: [String: [UInt8]]
    public var findings: [Finding]

    public init(
        propertiesTitle: String? = nil, blocks: [Block] = [], notes: [[Paragraph]] = [], pictures: [String: [UInt8]] = [:],
        findings: [Finding] = []
    ) {
        self.propertiesTitle = propertiesTitle
        self.blocks = blocks
        self.notes = notes
        self.pictures = pictures
        self.findings = findings
    }

    public enum Block: Sendable, Equatable {
        case paragraph(Paragraph)
        case table(Table)
    }

    public struct Paragraph: Sendable, Equatable {
        public enum Role: Sendable, Equatable {
            case body
            case title
            case subtitle
            /// 1 for Word's Heading 1 (标题 1), and so on.
            case heading(Int)
            /// Word's Caption style (题注), the 图为… line under a photo.
            case caption
        }

        /// Counted from 1 over the paragraphs that hold anything, table cells included, as
        /// Word's word count counts them; 0 in notes.
        public var number: Int
        public var role: Role
        public var list: ListItem?
        public var inlines: [Inline]

        public init(number: Int = 0, role: Role = .body, list: ListItem? = nil, inlines: [Inline] = []) {
            self.number = number
            self.role = role
            self.list = list
            self.inlines = inlines
        }

        /// The text as read, without formatting: notes, pictures and breaks left out.
        public var text: String {
            Inline.text(of: inlines)
        }
    }

    public struct ListItem: Sendable, Equatable {
        /// 0 for the outermost level.
        public var level: Int
        public var ordered: Bool

        public init(level: Int, ordered: Bool) {
            self.level = level
            self.ordered = ordered
        }
    }

    public struct Emphasis: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let bold = Emphasis(rawValue: 1)
        public static let italic = Emphasis(rawValue: 2)
    }

    public indirect enum Inline: Sendable, Equatable {
        case text(String, Emphasis)
        case link(url: String, [Inline])
        /// A footnote or endnote mark, numbered from 1 in the order of the body.
        case note(Int)
        /// A picture by its part name; the description is its alt text (替代文字), or empty.
        case picture(part: String, description: String)
        case lineBreak

        static func text(of inlines: [Inline]) -> String {
            inlines.map { inline in
                switch inline {
                case .text(let text, _): text
                case .link(_, let inner): Inline.text(of: inner)
                case .note, .picture, .lineBreak: ""
                }
            }.joined()
        }
    }

    public struct Table: Sendable, Equatable {
        public var rows: [[Cell]]
        /// The number of the table's first paragraph.
        public var number: Int

        public init(rows: [[Cell]], number: Int) {
            self.rows = rows
            self.number = number
        }
    }

    public struct Cell: Sendable, Equatable {
        public var paragraphs: [Paragraph]
        /// How many grid columns the cell spans (合并单元格 across).
        public var span: Int
        /// The cell continues the one above it (合并单元格 down) and shows nothing of its own.
        public var continuesAbove: Bool

        public init(paragraphs: [Paragraph], span: Int = 1, continuesAbove: Bool = false) {
            self.paragraphs = paragraphs
            self.span = span
            self.continuesAbove = continuesAbove
        }
    }

    /// Something the document holds that is not taken in as it is, at the paragraph it is in.
    public struct Finding: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case textBox
            case comment
            /// A tracked change (修订) of the text: inserted or deleted words.
            case insertion
            case deletion
            /// A tracked change of formatting only; the text is as shown.
            case formatChange
            case equation
            case embeddedObject
            case chart
            case diagram
            case shape
            case linkedPicture
            case unsupportedPicture
            case missingPicture
            case nestedTable
            case embeddedDocument
        }

        public var kind: Kind
        /// The paragraph's number (see `Paragraph.number`).
        public var paragraph: Int
        /// The paragraph's text, from which the place is shown.
        public var paragraphText: String
        /// What was there: the words of a text box, a comment or a change, a picture's format.
        public var detail: String

        public init(kind: Kind, paragraph: Int, paragraphText: String, detail: String) {
            self.kind = kind
            self.paragraph = paragraph
            self.paragraphText = paragraphText
            self.detail = detail
        }
    }
}
