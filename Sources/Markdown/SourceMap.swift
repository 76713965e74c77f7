/// Turns cmark's positions into the author's.
///
/// cmark counts lines from 1 and columns from 1 in bytes of the text it parsed, which may hold
/// sentinels from `CJKEmphasisPreparation`. Authors, and Core's `SourceLocation`, count columns
/// in characters of the text they wrote: `## 办理流程` has its `办` at column 4, not 6.
struct SourceMap {
    private let original: [UInt8]
    /// Byte offsets at which lines start. Lines end at LF, CR or CR LF, as in cmark.
    private let lineStarts: [Int]
    /// Original byte offsets before which a sentinel was inserted, ascending.
    private let insertions: [Int]
    private let insertionWidth = CJKEmphasisPreparation.sentinelUTF8.count

    init(original text: String, insertions: [Int]) {
        let bytes = Array(text.utf8)
        var starts = [0]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
            if byte == 0x0A || byte == 0x0D { starts.append(index) }
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
    func position(line: Int, column: Int) -> SourcePosition {
        let line = min(max(line, 1), lineStarts.count)
        let lineStart = lineStarts[line - 1]
        let offset = min(max(originalOffset(line: line, column: column) ?? lineStart, lineStart), lineEnd(line))
        return SourcePosition(line: line, column: characterCount(from: lineStart, to: offset) + 1)
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

    private func characterCount(from start: Int, to end: Int) -> Int {
        guard start < end else { return 0 }
        if original[start..<end].allSatisfy({ $0 < 0x80 }) { return end - start }
        return String(decoding: original[start..<end], as: UTF8.self).count
    }
}
