/// Finds many fixed strings in a text in one pass: a trie over their UTF-8 bytes, entered only
/// where a character starts, that reports the longest pattern starting at each place and goes
/// on after it (leftmost-longest, never overlapping).
///
/// A bitmap of the characters that start a pattern (those of the Basic Multilingual Plane; 8 KB,
/// it stays in the fastest cache) passes over most characters with one load. Where it lets a
/// character through, the trie takes over. It is one flat array:
/// - slots 0..<65536 hold, for each pair of bytes, the node reached after both;
/// - the next 256 slots hold the node reached after one byte, for patterns of one byte;
/// - then each node is a record `[pattern ending here or -1, number of children, byte₁, node₁,
///   byte₂, node₂, …]` with its children sorted by byte, known by the offset of its record.
struct TermsMatcher: Sendable {
    struct Match: Sendable, Hashable {
        /// The index of the pattern in the list the matcher was made from.
        var pattern: Int
        /// Byte offsets in the text's UTF-8.
        var start: Int
        var end: Int
    }

    private static let pairSlots = 65536
    private static let byteSlots = 256
    private let trie: [Int32]
    private let hasOneBytePatterns: Bool
    /// Bit `c` is set when a pattern starts with the character `U+c`; characters outside the
    /// Basic Multilingual Plane always go to the trie.
    private let firstCharacters: [UInt64]

    /// Empty patterns are passed over; of equal patterns the first is reported.
    init(_ patterns: [String]) {
        var children: [[UInt8: Int]] = [[:]]
        var accepting: [Int32] = [-1]
        var firstCharacters = [UInt64](repeating: 0, count: 65536 / 64)
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            if let first = pattern.unicodeScalars.first?.value, first < 65536 {
                firstCharacters[Int(first) >> 6] |= 1 << (first & 63)
            }
            var node = 0
            for byte in pattern.utf8 {
                if let next = children[node][byte] {
                    node = next
                } else {
                    children.append([:])
                    accepting.append(-1)
                    children[node][byte] = children.count - 1
                    node = children.count - 1
                }
            }
            if accepting[node] < 0 { accepting[node] = Int32(index) }
        }
        // Record offsets first, then the records and tables that point at them.
        var offsets = [Int](repeating: 0, count: children.count)
        var size = Self.pairSlots + Self.byteSlots
        for node in 1..<children.count {
            offsets[node] = size
            size += 2 + 2 * children[node].count
        }
        var trie = [Int32](repeating: -1, count: size)
        for (first, child) in children[0] {
            trie[Self.pairSlots + Int(first)] = Int32(offsets[child])
            for (second, grandchild) in children[child] {
                trie[Int(first) << 8 | Int(second)] = Int32(offsets[grandchild])
            }
        }
        for node in 1..<children.count {
            var slot = offsets[node]
            trie[slot] = accepting[node]
            trie[slot + 1] = Int32(children[node].count)
            slot += 2
            for (byte, target) in children[node].sorted(by: { $0.key < $1.key }) {
                trie[slot] = Int32(byte)
                trie[slot + 1] = Int32(offsets[target])
                slot += 2
            }
        }
        self.trie = trie
        self.firstCharacters = firstCharacters
        hasOneBytePatterns = children[0].values.contains { accepting[$0] >= 0 }
    }

    var isEmpty: Bool { trie.count == Self.pairSlots + Self.byteSlots }

    func matches(in text: String) -> [Match] {
        var text = text
        return text.withUTF8 { matches(in: $0) }
    }

    /// `text` must be valid UTF-8, as every `SourceFile` is.
    func matches(in text: UnsafeBufferPointer<UInt8>) -> [Match] {
        scan(text, overlapping: false)
    }

    /// Every occurrence of every pattern, overlapping ones and those inside longer ones
    /// included: for checking the patterns themselves, where nothing may be missed.
    func allMatches(in text: String) -> [Match] {
        var text = text
        return text.withUTF8 { scan($0, overlapping: true) }
    }

    private func scan(_ text: UnsafeBufferPointer<UInt8>, overlapping: Bool) -> [Match] {
        guard !isEmpty else { return [] }
        var result: [Match] = []
        firstCharacters.withUnsafeBufferPointer { firstCharacters in
            trie.withUnsafeBufferPointer { trie in
                let count = text.count
                var index = 0
                while index < count {
                    let first = Int(text[index])
                    let length = first < 0x80 ? 1 : first < 0xE0 ? 2 : first < 0xF0 ? 3 : 4
                    if length < 4 && index + length <= count {
                        let character =
                            switch length {
                            case 1: first
                            case 2: (first & 0x1F) << 6 | Int(text[index + 1] & 0x3F)
                            default: (first & 0x0F) << 12 | Int(text[index + 1] & 0x3F) << 6 | Int(text[index + 2] & 0x3F)
                            }
                        if firstCharacters[character >> 6] & 1 << (character & 63) == 0 {
                            index += length
                            continue
                        }
                    }
                    // The node after the first byte (for patterns of one byte), then after the
                    // first two, then one byte at a time; `best` is the longest pattern so far.
                    var best = -1
                    var bestEnd = 0
                    var node = hasOneBytePatterns ? Int(trie[Self.pairSlots + first]) : -1
                    var next = index + 1
                    if node < 0 || trie[node] < 0 {
                        node = index + 1 < count ? Int(trie[first << 8 | Int(text[index + 1])]) : -1
                        next = index + 2
                    }
                    while node >= 0 {
                        if trie[node] >= 0 {
                            if overlapping { result.append(Match(pattern: Int(trie[node]), start: index, end: next)) }
                            best = Int(trie[node])
                            bestEnd = next
                        }
                        guard next < count else { break }
                        let byte = Int32(text[next])
                        var edge = node + 2
                        let end = edge + 2 * Int(trie[node + 1])
                        while edge < end && trie[edge] < byte { edge += 2 }
                        guard edge < end, trie[edge] == byte else { break }
                        node = Int(trie[edge + 1])
                        next += 1
                    }
                    if best >= 0 && !overlapping {
                        result.append(Match(pattern: best, start: index, end: bestEnd))
                        index = bestEnd
                    } else {
                        index += length
                    }
                }
            }
        }
        return result
    }
}
