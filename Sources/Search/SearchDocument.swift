import Core
import Model

/// One thing the search page can find: a case, a site, a course, a standalone page, a news
/// report, a notice or a policy document, with the
/// text of each field the index reads and the result shows.
public struct SearchDocument: Sendable {
    public enum Kind: Int, CaseIterable, Sendable {
        case caseStudy
        case demonstrationSite
        case liaisonPoint
        case course
        case page
        case news
        case notice
        case policy

        /// How a result names its kind.
        public var label: String {
            switch self {
            case .caseStudy: return "案例"
            case .demonstrationSite: return Site.Kind.demonstration.rawValue
            case .liaisonPoint: return Site.Kind.liaison.rawValue
            case .course: return "课程"
            case .page: return "页面"
            case .news: return ArticleKind.news.title
            case .notice: return ArticleKind.notice.title
            case .policy: return ArticleKind.policy.title
            }
        }
    }

    public var kind: Kind
    public var path: SitePath
    public var title: String
    public var day: Day?
    /// Positions in the portal's districts and categories.
    public var district: Int?
    public var category: Int?
    /// The district and category names, found at the district's weight.
    public var taxa: [String] = []
    public var tags: [String] = []
    /// Names found at the name weight, each on its own: a term never spans two.
    public var names: [String] = []
    /// The names as the result shows them, with what they are: `党员经营户：陈秀英（秀英水产档）`.
    public var namesText = ""
    public var summary = ""
    /// The rendered body, whose text is found at the body weight and begins the excerpt.
    public var bodyHTML = ""

    public init(kind: Kind, path: SitePath, title: String) {
        self.kind = kind
        self.path = path
        self.title = title
    }

    /// What the index keeps of a document.
    public struct Indexed: Sendable {
        /// Every term with its score, `term.rawValue << 8 | score`, in the order they were
        /// first found.
        public var terms: [UInt64]
        /// What a result shows, in the order of `SearchIndexFiles.recordFields`.
        public var record: [String]
    }

    /// The document's terms and record; the body's text is read from its HTML and dropped.
    public func indexed(excerptLength: Int = SearchIndexLayout.excerptLength) -> Indexed {
        var collector = SearchTermCollector()
        return indexed(excerptLength: excerptLength, collecting: &collector)
    }

    /// `indexed(excerptLength:)` with the terms gathered in `collector`, which a task reuses
    /// from one document to the next.
    public func indexed(excerptLength: Int = SearchIndexLayout.excerptLength, collecting collector: inout SearchTermCollector)
        -> Indexed
    {
        collector.add(title, .title)
        for tag in tags { collector.add(tag, .tag) }
        for name in names { collector.add(name, .name) }
        for taxon in taxa { collector.add(taxon, .district) }
        collector.add(summary, .summary)
        let body = bodyHTML.isEmpty ? [] : BodyText.utf8PlainText(of: bodyHTML)
        body.withUnsafeBufferPointer { collector.add($0, .body) }
        let record = [
            path.urlPath, title, day?.chinese ?? "", summary, namesText, tags.joined(separator: " "),
            BodyText.excerpt(ofUTF8: body, limit: excerptLength),
        ]
        return Indexed(terms: collector.terms(), record: record)
    }
}

/// The terms of one document while it is read, each with the fields it is in. A task reuses one
/// from document to document, and never shares it.
public struct SearchTermCollector {
    private let table = TermTable(capacity: 4096)

    public init() {}

    mutating func add(_ text: String, _ field: SearchField) {
        var text = text
        text.withUTF8 { add($0, field) }
    }

    mutating func add(_ utf8: UnsafeBufferPointer<UInt8>, _ field: SearchField) {
        let bit = Int32(field.bit)
        SearchTokenizer.forEachTerm(inUTF8: utf8, singleCharacters: field.keepsSingleCharacters) { term in
            let slot = table.slot(of: term.rawValue).slot
            table.values[slot] |= bit
        }
    }

    /// Every term gathered, `term.rawValue << 8 | score`, in the order they were first found;
    /// the collector is empty after.
    mutating func terms() -> [UInt64] {
        var terms: [UInt64] = []
        terms.reserveCapacity(table.count)
        for slot in table.occupied {
            let slot = Int(slot)
            terms.append(table.key(at: slot) << 8 | UInt64(SearchField.scores[Int(table.values[slot])]))
        }
        table.removeAll()
        return terms
    }
}
