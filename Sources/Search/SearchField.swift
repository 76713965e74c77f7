/// The parts of a document the index reads, and what a match in each is worth. A document's
/// score for a query is the sum, over the query's terms, of the weights of the fields the term
/// is in (each field counted once); the search page adds a small bonus for newer documents.
public enum SearchField: Int, CaseIterable, Sendable {
    case title
    case tag
    /// Names of people, shops and sites: member names and shops, a case's sites, a trainer.
    case name
    /// The district and category.
    case district
    case summary
    case body

    public var weight: Int {
        switch self {
        case .title: return 10
        case .tag, .name: return 6
        case .district, .summary: return 3
        case .body: return 1
        }
    }

    /// Short fields keep single characters too, so that a one-character query finds them.
    public var keepsSingleCharacters: Bool {
        switch self {
        case .title, .tag, .name, .district: return true
        case .summary, .body: return false
        }
    }

    var bit: UInt8 { 1 << UInt8(rawValue) }

    /// The score of a term found in the fields of each mask (one bit per field).
    static let scores: [UInt8] = (0..<(1 << allCases.count)).map { mask in
        UInt8(allCases.filter { mask & Int($0.bit) != 0 }.reduce(0) { $0 + $1.weight })
    }
}
