import Core

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
/// `_` and `__` are treated too (`__（一）旅行。__如果` is bold), with a narrower rule, because `_`
/// in Chinese text is also a fill-in blank or part of a file name: a `_` run gets a sentinel only
/// when it is one or two long and the letter beside it is CJK (a Han character, kana, hangul; a
/// variation selector after it is looked through). So `snake_case`, `file_name.docx` and
/// `__init__` (a `_` between two letters is never touched), `file_（一）` (a Latin letter) and
/// blanks such as `姓名：____年龄` (three or more) stay as CommonMark reads them.
///
/// A Han character followed by a variation selector (U+FE00–FE0F, U+E0100–E01EF, as in `葛󠄀`)
/// counts as the Han character: cmark calls the selector a letter (it is a mark, not
/// punctuation), so the sentinel goes after the selector and cmark sees the same run.
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
        let stars = offsets(of: UInt8(ascii: "*"), in: bytes)
        let underscores = offsets(of: UInt8(ascii: "_"), in: bytes)
        var offsets = underscores.isEmpty ? stars : merged(stars, underscores)
        // Checked last: most texts need no sentinel, and then it does not matter.
        if !offsets.isEmpty, containsSentinel(bytes) { offsets = [] }
        return offsets
    }

    private static func merged(_ first: [Int], _ second: [Int]) -> [Int] {
        guard !first.isEmpty else { return second }
        var result: [Int] = []
        result.reserveCapacity(first.count + second.count)
        var i = 0
        var j = 0
        while i < first.count || j < second.count {
            if j == second.count || (i < first.count && first[i] <= second[j]) {
                result.append(first[i])
                i += 1
            } else {
                result.append(second[j])
                j += 1
            }
        }
        return result
    }

    /// The offsets that need a sentinel for the runs of one delimiter, ascending.
    private static func offsets(of delimiter: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var offsets: [Int] = []
        let isUnderscore = delimiter == UInt8(ascii: "_")
        let backslash = UInt8(ascii: "\\")
        var index = 0
        while true {
            index = ByteScanning.firstIndex(of: delimiter, in: bytes, from: index)
            guard index < bytes.count else { break }
            var start = index
            var end = index + 1
            while end < bytes.count, bytes[end] == delimiter { end += 1 }
            index = end
            // An odd number of backslashes escapes the first delimiter; the run starts after it.
            var backslashes = 0
            var probe = start - 1
            while probe >= 0, bytes[probe] == backslash {
                backslashes += 1
                probe -= 1
            }
            if backslashes % 2 == 1 { start += 1 }
            guard start < end else { continue }
            // Three or more `_` are a fill-in blank far more often than bold italics.
            if isUnderscore, end - start > 2 { continue }

            // The beginning and end of the text count as whitespace, as a line's do.
            let before = start > 0 ? letter(endingBefore: start, in: bytes) : nil
            let after = end < bytes.count ? scalar(startingAt: end, in: bytes) : nil
            let beforeKind = before.map(CommonMarkCharacter.kind(of:)) ?? .whitespace
            let afterKind = after.map(CommonMarkCharacter.kind(of:)) ?? .whitespace
            if beforeKind == .other, afterKind == .punctuation, let before, let after,
                CJKCharacter.isCJK(before) || (!isUnderscore && CJKCharacter.isCJKPunctuation(after))
            {
                offsets.append(start)
            } else if beforeKind == .punctuation, afterKind == .other, let before, let after,
                CJKCharacter.isCJK(after) || (!isUnderscore && CJKCharacter.isCJKPunctuation(before))
            {
                offsets.append(end)
            }
        }
        return offsets
    }

    /// The character before `offset` as the flanking rules see it: the scalar there, or the CJK
    /// letter a variation selector follows. (cmark classes a selector as a letter too, so the
    /// kind is the same either way; only whether it is CJK changes.)
    private static func letter(endingBefore offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
        let (last, start) = scalarAndStart(endingBefore: offset, in: bytes)
        guard CJKCharacter.isVariationSelector(last), start > 0 else { return last }
        let (base, _) = scalarAndStart(endingBefore: start, in: bytes)
        return CJKCharacter.isCJK(base) && CommonMarkCharacter.kind(of: base) == .other ? base : last
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

    private static func scalarAndStart(
        endingBefore offset: Int, in bytes: UnsafeBufferPointer<UInt8>
    ) -> (Unicode.Scalar, Int) {
        var start = offset - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return (scalar(startingAt: start, in: bytes), start)
    }
}
