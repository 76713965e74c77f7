/// The three levels of review a page may pass before publication (三审): first reading by an
/// editor, second by a department head, final approval by the person responsible.
public enum ReviewRole: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case first = "初审"
    case second = "复审"
    case final = "终审"

    public static func < (lhs: ReviewRole, rhs: ReviewRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
