import Core

/// Turns cmark's positions into the author's.
///
/// cmark counts lines from 1 and columns from 1 in bytes of the text it parsed, which may hold
/// sentinels from `CJKEmphasisPreparation`. Authors, and Core's `SourceLocation`, count columns
/// in characters of the text they wrote: in `## 办理流程` the `流` is at column 6, not 10.
struct SourceMap {
    private let original: [UInt8]
    /// Byte offsets at which lines start. Lines end at LF, CR or CR LF, as in cmark.
    private let lineStarts: [Int]
    /// Original byte offsets before which a sentinel was inserted, ascending.
    private let insertions: [Int]
    private let insertionWidth = CJKEmphasisPreparation.sentinelUTF8.count
    /// Character counts at every 64th character of the last non-ASCII line asked about, so
    /// that many positions on one long line cost a lookup each, not a count from the line
    /// start (which made 100,000 nested images on one line take minutes).
    private var checkpoints: (line: Int, marks: [(offset: Int, characters: Int)])?

    init(original text: String, insertions: [Int]) {
        var text = text
        let bytes = Array(text.utf8)
        var starts = [0]
        text.withUTF8 { utf8 in
            var index = 0
            while true {
                // Besides line ends only tabs and stray control bytes lie below 0x0E: few stops.
                index = ByteScanning.firstIndex(below: 0x0E, in: utf8, from: index)
                guard index < utf8.count else { break }
                let byte = utf8[index]
                index += 1
                if byte == 0x0D, index < utf8.count, utf8[index] == 0x0A { index += 1 }
                if byte == 0x0A || byte == 0x0D { starts.append(index) }
            }
        }
        self.original = bytes
        self.lineStarts = starts
        self.insertions = insertions
    }

    /// The byte of the original text at cmark's position, or nil when the position lies outside
    /// the text or on a sentinel. Used to check cmark's positions of inline nodes.
    func byte(line: Int, column: Int) -> UInt8? {
        guard let offset = originalOffset(line: line, column: column), offset < lineEnd(line) else { return nil }
        return original[offset]
    }

    /// The offset in the original text of cmark's position, when it lies on the line.
    func offset(line: Int, column: Int) -> Int? {
        guard let offset = originalOffset(line: line, column: column), offset < lineEnd(line) else { return nil }
        return offset
    }

    /// The first offset at or after the start of `line` and at or after `notBefore`, up to the
    /// end of `lastLine`, that holds one of `bytes` (all ASCII).
    func firstOffset(
        of bytes: [UInt8], fromLine line: Int, notBefore: Int, throughLine lastLine: Int, where accepts: (Int) -> Bool
    ) -> Int? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let end = lineEnd(min(max(lastLine, line), lineStarts.count))
        var offset = max(lineStarts[line - 1], notBefore)
        while offset < end {
            if bytes.contains(original[offset]), accepts(offset) { return offset }
            offset += 1
        }
        return nil
    }

    func byte(at offset: Int) -> UInt8? {
        offset >= 0 && offset < original.count ? original[offset] : nil
    }

    /// Whether the original text holds `text` at `offset`.
    func holds(_ text: String, at offset: Int) -> Bool {
        let bytes = text.utf8
        guard offset >= 0, offset + bytes.count <= original.count else { return false }
        return original[offset..<(offset + bytes.count)].elementsEqual(bytes)
    }

    /// The author's position of an offset in the original text.
    mutating func position(offset: Int) -> SourcePosition {
        let offset = min(max(offset, 0), original.count)
        var low = 0
        var high = lineStarts.count
        while low < high {
            let middle = (low + high) / 2
            if lineStarts[middle] <= offset {
                low = middle + 1
            } else {
                high = middle
            }
        }
        let line = max(low, 1)
        return SourcePosition(line: line, column: characterCount(line: line, to: min(offset, lineEnd(line))) + 1)
    }

    /// The column at which a paragraph's continuation line starts, after the container markers
    /// and indentation that cmark strips: the first byte that is not a space, a tab or `>`. (A
    /// paragraph line whose text started with `>` would have begun a block quote.) The markers
    /// hold no sentinels, so the column is the same in the text cmark parsed.
    func contentColumn(line: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        let end = lineEnd(line)
        var offset = start
        while offset < end, original[offset] == 0x20 || original[offset] == 0x09 || original[offset] == 0x3E {
            offset += 1
        }
        return offset - start + 1
    }

    /// The author's position for cmark's, clamped to the text.
    mutating func position(line: Int, column: Int) -> SourcePosition {
        let line = min(max(line, 1), lineStarts.count)
        let lineStart = lineStarts[line - 1]
        let offset = min(max(originalOffset(line: line, column: column) ?? lineStart, lineStart), lineEnd(line))
        return SourcePosition(line: line, column: characterCount(line: line, to: offset) + 1)
    }

    private func originalOffset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count, column >= 1 else { return nil }
        let lineStart = lineStarts[line - 1]
        guard !insertions.isEmpty else { return lineStart + column - 1 }
        // Sentinels never sit at a line start, so those before it are the ones before the line.
        let prepared = lineStart + insertionWidth * insertionCount(before: lineStart) + column - 1
        // Undo the shift of every sentinel that ends at or before `prepared`; a position on a
        // sentinel itself means the character after it.
        var low = 0
        var high = insertions.count
        while low < high {
            let middle = (low + high) / 2
            if insertions[middle] + insertionWidth * (middle + 1) <= prepared {
                low = middle + 1
            } else {
                high = middle
            }
        }
        if low < insertions.count, insertions[low] + insertionWidth * low <= prepared {
            return insertions[low]
        }
        return prepared - insertionWidth * low
    }

    /// Where the line's terminator starts, or the end of the text.
    private func lineEnd(_ line: Int) -> Int {
        guard line < lineStarts.count else { return original.count }
        var end = lineStarts[line]
        if end > 0, original[end - 1] == 0x0A { end -= 1 }
        if end > 0, original[end - 1] == 0x0D { end -= 1 }
        return max(end, lineStarts[line - 1])
    }

    private func insertionCount(before offset: Int) -> Int {
        var low = 0
        var high = insertions.count
        while low < high {
            let middle = (low + high) / 2
            if insertions[middle] < offset {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    /// The characters between the start of `line` and `offset`, a character boundary on it.
    private mutating func characterCount(line: Int, to offset: Int) -> Int {
        let start = lineStarts[line - 1]
        guard start < offset else { return 0 }
        if original[start..<offset].allSatisfy({ $0 < 0x80 }) { return offset - start }
        if checkpoints?.line != line {
            checkpoints = (line, makeCheckpoints(line: line))
        }
        let marks = checkpoints?.marks ?? [(start, 0)]
        // The last checkpoint at or before `offset`; there is always one at the line start.
        var low = 0
        var high = marks.count
        while low < high {
            let middle = (low + high) / 2
            if marks[middle].offset <= offset {
                low = middle + 1
            } else {
                high = middle
            }
        }
        let mark = marks[max(low - 1, 0)]
        return mark.characters + String(decoding: original[mark.offset..<offset], as: UTF8.self).count
    }

    private func makeCheckpoints(line: Int) -> [(offset: Int, characters: Int)] {
        let start = lineStarts[line - 1]
        var marks = [(offset: start, characters: 0)]
        var offset = start
        var characters = 0
        for character in String(decoding: original[start..<lineEnd(line)], as: UTF8.self) {
            offset += character.utf8.count
            characters += 1
            if characters % 64 == 0 { marks.append((offset, characters)) }
        }
        return marks
    }
}
