/// The term shards each case's postings are in, one bit per shard: what a quick rebuild needs
/// to take a changed case's old postings out of the index without reading every shard. Only
/// cases are kept, as only cases change in a quick rebuild; they are the first documents.
public struct SearchShardMasks: Sendable, Equatable {
    public let wordsPerDocument: Int
    public private(set) var words: [UInt64]

    public init(termShardCount: Int, documents: Int) {
        wordsPerDocument = max(1, (termShardCount + 63) / 64)
        words = Array(repeating: 0, count: wordsPerDocument * documents)
    }

    public init?(wordsPerDocument: Int, words: [UInt64]) {
        guard wordsPerDocument > 0, words.count % wordsPerDocument == 0 else { return nil }
        self.wordsPerDocument = wordsPerDocument
        self.words = words
    }

    public var documentCount: Int { words.count / wordsPerDocument }

    /// The bits of `shards`.
    public static func mask(of shards: some Sequence<Int>, termShardCount: Int) -> [UInt64] {
        var mask = [UInt64](repeating: 0, count: max(1, (termShardCount + 63) / 64))
        for shard in shards { mask[shard / 64] |= 1 << UInt64(shard % 64) }
        return mask
    }

    /// The shards of the terms of `terms`, as `SearchDocument.Indexed.terms` holds them.
    public static func mask(ofTerms terms: [UInt64], termShardCount: Int) -> [UInt64] {
        mask(of: terms.map { SearchTerm(rawValue: $0 >> 8).shard(of: termShardCount) }, termShardCount: termShardCount)
    }

    public func mask(of document: Int) -> ArraySlice<UInt64> {
        words[document * wordsPerDocument..<(document + 1) * wordsPerDocument]
    }

    public mutating func setMask(_ mask: [UInt64], of document: Int) {
        precondition(mask.count == wordsPerDocument)
        words.replaceSubrange(document * wordsPerDocument..<(document + 1) * wordsPerDocument, with: mask)
    }

    /// The masks of `part`'s documents, which are this one's from `first` on.
    public mutating func setMasks(_ part: SearchShardMasks, from first: Int) {
        precondition(part.wordsPerDocument == wordsPerDocument)
        words.replaceSubrange(first * wordsPerDocument..<first * wordsPerDocument + part.words.count, with: part.words)
    }

    /// The shards whose bits are set in `mask`.
    public static func shards(in mask: some Collection<UInt64>) -> [Int] {
        var shards: [Int] = []
        for (word, bits) in mask.enumerated() {
            var rest = bits
            while rest != 0 {
                shards.append(word * 64 + rest.trailingZeroBitCount)
                rest &= rest - 1
            }
        }
        return shards
    }
}
