/// A term of the search index: two adjacent characters (a bigram), or one character alone,
/// packed into one integer as their Unicode scalar values: the first in bits 21–41, the second
/// in bits 0–20, zero for a single character. Terms sort by their characters' code points, a
/// single character before every bigram it starts.
public struct SearchTerm: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: UInt64

    public init(_ first: UInt32, _ second: UInt32 = 0) {
        rawValue = UInt64(first) << 21 | UInt64(second)
    }

    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// The term of a one- or two-character string; nil for any other.
    public init?(text: String) {
        let scalars = Array(text.unicodeScalars)
        guard (1...2).contains(scalars.count) else { return nil }
        self.init(scalars[0].value, scalars.count == 2 ? scalars[1].value : 0)
    }

    public var first: UInt32 { UInt32(truncatingIfNeeded: rawValue >> 21) }
    public var second: UInt32 { UInt32(truncatingIfNeeded: rawValue & 0x1F_FFFF) }
    public var isSingleCharacter: Bool { second == 0 }

    public var description: String {
        var text = String.UnicodeScalarView()
        for value in isSingleCharacter ? [first] : [first, second] {
            if let scalar = Unicode.Scalar(value) { text.append(scalar) }
        }
        return String(text)
    }

    /// The term shard that holds this term, of `count` (a power of two). The search page's
    /// script computes the same with `Math.imul` (see `templates/assets/search.js`): a change
    /// here needs the same change there.
    public func shard(of count: Int) -> Int {
        var hash = (first &* 0x9E37_79B1) ^ second
        hash = (hash ^ (hash >> 16)) &* 0x85EB_CA6B
        hash ^= hash >> 13
        return Int(hash) & (count - 1)
    }

    public static func < (lhs: SearchTerm, rhs: SearchTerm) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
