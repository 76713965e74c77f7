/// Prepares a text so that cmark pairs `*` and `**` next to Chinese punctuation.
///
/// CommonMark lets a `*` run open emphasis only if it is left-flanking, and a run between a
/// letter and punctuation is not: in `推进**“六有”标准化阵地建设**，` the first `**` sits between
/// `进` and `“`, so it can only close, and the text keeps its asterisks. The CJK-friendly
/// emphasis proposal (github.com/tats-u/markdown-cjk-friendly) changes the flanking rules so
/// that such runs count as flanking on both sides when the letter is CJK or the punctuation is
/// CJK punctuation. Unlike the proposal, “” ‘’ — … · count as CJK punctuation here (see
/// `CJKCharacter.isCJKPunctuation`), so `ABC**“三亮”**` pairs too.
///
/// cmark cannot be given new rules, so the text is changed instead: a sentinel punctuation
/// character is put on the letter side of each such run. The run then stands between two
/// punctuation characters, which CommonMark calls both left- and right-flanking, and cmark's own
/// delimiter algorithm (with its nesting and "rule of three") decides what pairs. The renderer
/// removes the sentinel from every string that comes out of the tree and shifts columns back.
///
/// Only `*` is treated. The proposal keeps `_` from opening after a CJK letter (its intraword
/// rule), and `_` in Chinese text is mostly a fill-in blank or part of a file name.
///
/// Limits: the scan works on the raw text, not on cmark's inlines, so it also touches runs that
/// cmark will not read as delimiters (inside code, raw HTML, URLs); the sentinel is removed from
/// those strings again, so they come out unchanged. A link label of nearly 1,000 characters
/// could grow past CommonMark's limit of 999. A text that already contains the sentinel is left
/// alone, so that removing it can never change what the author wrote.
struct CJKEmphasisPreparation {
    /// U+2E18 INVERTED INTERROBANG: Unicode punctuation (Po) in cmark 0.30.2's table, and not a
    /// character Chinese (or any portal) text uses.
    static let sentinel: Unicode.Scalar = "\u{2E18}"
    static let sentinelUTF8: [UInt8] = [0xE2, 0xB8, 0x98]

    /// The text for cmark: the original, or a copy with sentinels.
    let text: String
    /// The byte offsets in the original text before which a sentinel was inserted, ascending.
    let insertions: [Int]

    /// Leaves the text as it is.
    init(unchanged text: String) {
        self.text = text
        self.insertions = []
    }

    init(preparing original: String) {
        var original = original
        let found = original.withUTF8 { bytes in Self.insertionOffsets(in: bytes) }
        var prepared = ""
        if !found.isEmpty {
            // Built from slices of the original, which Swift knows to be valid UTF-8: decoding a
            // byte array instead would validate the whole text again.
            prepared.reserveCapacity(original.utf8.count + found.count * Self.sentinelUTF8.count)
            let utf8 = original.utf8
            var copied = utf8.startIndex
            for offset in found {
                let next = utf8.index(utf8.startIndex, offsetBy: offset)
                prepared += original[copied..<next]
                prepared.unicodeScalars.append(Self.sentinel)
                copied = next
            }
            prepared += original[copied...]
        }
        self.text = found.isEmpty ? original : prepared
        self.insertions = found
    }

    private static func insertionOffsets(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var offsets: [Int] = []
        let star = UInt8(ascii: "*")
        let backslash = UInt8(ascii: "\\")
        var index = 0
        while true {
            index = ByteScanning.firstIndex(of: star, in: bytes, from: index)
            guard index < bytes.count else { break }
            var start = index
            var end = index + 1
            while end < bytes.count, bytes[end] == star { end += 1 }
            index = end
            // An odd number of backslashes escapes the first `*`; the run starts after it.
            var backslashes = 0
            var probe = start - 1
            while probe >= 0, bytes[probe] == backslash {
                backslashes += 1
                probe -= 1
            }
            if backslashes % 2 == 1 { start += 1 }
            guard start < end else { continue }

            // The beginning and end of the text count as whitespace, as a line's do.
            let before = start > 0 ? scalar(endingBefore: start, in: bytes) : nil
            let after = end < bytes.count ? scalar(startingAt: end, in: bytes) : nil
            let beforeKind = before.map(CommonMarkCharacter.kind(of:)) ?? .whitespace
            let afterKind = after.map(CommonMarkCharacter.kind(of:)) ?? .whitespace
            if beforeKind == .other, afterKind == .punctuation, let before, let after,
                CJKCharacter.isCJK(before) || CJKCharacter.isCJKPunctuation(after)
            {
                offsets.append(start)
            } else if beforeKind == .punctuation, afterKind == .other, let before, let after,
                CJKCharacter.isCJK(after) || CJKCharacter.isCJKPunctuation(before)
            {
                offsets.append(end)
            }
        }
        // Checked last: most texts need no sentinel, and then it does not matter.
        if !offsets.isEmpty, containsSentinel(bytes) { return [] }
        return offsets
    }

    static func containsSentinel(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while true {
            index = ByteScanning.firstIndex(of: sentinelUTF8[0], in: bytes, from: index)
            guard index + 2 < bytes.count else { return false }
            if bytes[index + 1] == sentinelUTF8[1], bytes[index + 2] == sentinelUTF8[2] { return true }
            index += 1
        }
    }

    /// The scalar whose UTF-8 starts at `offset`. Swift strings hold valid UTF-8, so no checks.
    private static func scalar(startingAt offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
        let lead = UInt32(bytes[offset])
        let value: UInt32
        switch lead {
        case 0..<0x80:
            value = lead
        case 0xC0..<0xE0:
            value = (lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F)
        case 0xE0..<0xF0:
            value = (lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
        default:
            value =
                (lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12
                | UInt32(bytes[offset + 2] & 0x3F) << 6 | UInt32(bytes[offset + 3] & 0x3F)
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    private static func scalar(endingBefore offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
        var start = offset - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(startingAt: start, in: bytes)
    }
}
