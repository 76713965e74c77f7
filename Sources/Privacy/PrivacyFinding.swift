/// One piece of personal information found in a text: a mainland resident ID number, a mobile
/// number or an e-mail address.
///
/// Its descriptions show only the masked form, so that printing a finding (in a log, in a failed
/// test's message) never prints the number itself.
public struct PrivacyFinding: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    public enum Kind: Int, Sendable, Hashable, Comparable, CaseIterable {
        case mobile
        case idNumber
        case email

        /// What the finding is called in messages.
        public var name: String {
            switch self {
            case .mobile: return "手机号码"
            case .idNumber: return "身份证号码"
            case .email: return "电子邮箱地址"
            }
        }

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var kind: Kind
    /// The UTF-8 bytes of the text that the finding covers, separators and all.
    public var byteRange: Range<Int>
    /// Safe to print: `138****8000`, `110105********002X`, `z***@example.gov.cn`.
    public var masked: String
    /// The value in one spelling, to find it again in another text: ASCII digits with an upper-case
    /// `X` for numbers (spaces, dashes and full-width digits normalized), the lower-cased address
    /// for e-mails. Never print it.
    public var canonical: String

    public init(kind: Kind, byteRange: Range<Int>, masked: String, canonical: String) {
        self.kind = kind
        self.byteRange = byteRange
        self.masked = masked
        self.canonical = canonical
    }

    public var description: String { "\(kind.name) \(masked) at bytes \(byteRange)" }
    public var debugDescription: String { description }
}
