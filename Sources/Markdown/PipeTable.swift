/// GitHub's pipe tables, read line by line as cmark-gfm's table extension reads them.
///
/// A table starts at a delimiter row (`| --- | :---: |`) under a line with as many cells; the
/// lines after it are its rows until the paragraph ends. Cells are split at every pipe that is
/// not escaped as `\|`, code spans included, and each cell's text is then parsed as inlines on
/// its own. A row with fewer cells gets empty ones; cells beyond the header's are dropped.
///
/// Lines are the bytes of one line without its line end, after the block quote markers and
/// indentation of the containers around the paragraph.
enum PipeTable {
    enum Alignment: Sendable, Hashable {
        case none, left, center, right
    }

    struct Cell: Sendable, Hashable {
        /// The cell's text, trimmed, with `\|` read as `|`.
        var text: String
        /// The byte offset in the line at which the trimmed text starts.
        var offset: Int
    }

    /// The alignments of a delimiter row, one per column, or nil when the line is not one.
    static func delimiterRow(_ line: ArraySlice<UInt8>) -> [Alignment]? {
        var index = line.startIndex
        let end = line.endIndex
        func skipSpaces() { while index < end, isSpace(line[index]) { index += 1 } }
        skipSpaces()
        if index < end, line[index] == pipe { index += 1 }
        var alignments: [Alignment] = []
        while true {
            skipSpaces()
            guard index < end else { break }
            let left = line[index] == colon
            if left { index += 1 }
            let dashes = index
            while index < end, line[index] == dash { index += 1 }
            guard index > dashes else { return nil }
            let right = index < end && line[index] == colon
            if right { index += 1 }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
            skipSpaces()
            guard index < end else { break }
            guard line[index] == pipe else { return nil }
            index += 1
        }
        // A lone `|` or `||` is not a delimiter row; one without any pipe is, if it has a colon
        // (`:-:`), as in cmark-gfm, but a bare `---` never reaches here: it underlines a heading.
        guard !alignments.isEmpty else { return nil }
        return alignments
    }

    /// The cells of a row. Empty when the line holds nothing but pipes and spaces.
    static func cells(_ line: ArraySlice<UInt8>) -> [Cell] {
        var index = line.startIndex
        let end = line.endIndex
        // An optional leading pipe.
        while index < end, isSpace(line[index]) { index += 1 }
        if index < end, line[index] == pipe { index += 1 }
        var cells: [Cell] = []
        while index < end {
            let start = index
            while index < end, line[index] != pipe {
                if line[index] == backslash, index + 1 < end, CommonMarkCharacter.isASCIIPunctuation(line[index + 1]) {
                    index += 2
                } else {
                    index += 1
                }
            }
            let content = line[start..<index]
            let atPipe = index < end
            if atPipe { index += 1 }
            if !atPipe, content.allSatisfy(isSpace) { break }
            cells.append(cell(content, lineStart: line.startIndex))
        }
        return cells
    }

    /// Whether a line reads as a table row an author meant: it starts or ends with a pipe.
    static func looksLikeRow(_ line: ArraySlice<UInt8>) -> Bool {
        let trimmed = line.drop(while: isSpace).reversed().drop(while: isSpace)
        guard let last = trimmed.first, let first = trimmed.last else { return false }
        return (first == pipe || last == pipe) && line.contains(pipe) && line.count > 1
    }

    /// Whether a line holds a full-width pipe `｜` (U+FF5C), typed by a Chinese input method.
    static func containsFullWidthPipe(_ line: ArraySlice<UInt8>) -> Bool {
        var index = line.startIndex
        while index + 2 < line.endIndex {
            if line[index] == 0xEF, line[index + 1] == 0xBD, line[index + 2] == 0x9C { return true }
            index += 1
        }
        return false
    }

    private static func cell(_ content: ArraySlice<UInt8>, lineStart: Int) -> Cell {
        var start = content.startIndex
        var end = content.endIndex
        while start < end, isSpace(content[start]) { start += 1 }
        while end > start, isSpace(content[end - 1]) { end -= 1 }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(end - start)
        var index = start
        while index < end {
            if content[index] == backslash, index + 1 < end, content[index + 1] == pipe {
                index += 1
            }
            bytes.append(content[index])
            index += 1
        }
        return Cell(text: String(decoding: bytes, as: UTF8.self), offset: start - lineStart)
    }

    private static let pipe = UInt8(ascii: "|")
    private static let dash = UInt8(ascii: "-")
    private static let colon = UInt8(ascii: ":")
    private static let backslash = UInt8(ascii: "\\")

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// Whether a line of a table ends it by starting a block that could not have interrupted
    /// the paragraph cmark read the table as (the others cmark has already split off): indented
    /// code (`indent` is the line's indentation in columns past the table's), an ordered list
    /// from any number (`2. x`), an empty list item (`-`), or an HTML tag alone on its line.
    static func startsBlockAfterTable(_ line: ArraySlice<UInt8>, indent: Int) -> Bool {
        if indent >= 4 { return true }
        var index = line.startIndex
        while index < line.endIndex, isSpace(line[index]) { index += 1 }
        let rest = line[index...]
        guard let first = rest.first else { return false }
        func endsMarker(at offset: Int) -> Bool { offset == line.endIndex || isSpace(line[offset]) }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            var end = index
            while end < line.endIndex, end - index < 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[end]) { end += 1 }
            return end < line.endIndex && (line[end] == UInt8(ascii: ".") || line[end] == UInt8(ascii: ")"))
                && endsMarker(at: end + 1)
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"):
            return endsMarker(at: index + 1)
        case UInt8(ascii: "<"):
            return isLoneTag(rest)
        default:
            return false
        }
    }

    /// `<span class="x">` or `</span>` and nothing else on the line: CommonMark's seventh kind
    /// of HTML block.
    private static func isLoneTag(_ text: ArraySlice<UInt8>) -> Bool {
        var end = text.endIndex
        while end > text.startIndex, isSpace(text[end - 1]) { end -= 1 }
        guard end - text.startIndex >= 3, text[end - 1] == UInt8(ascii: ">") else { return false }
        var index = text.startIndex + 1
        if text[index] == UInt8(ascii: "/") { index += 1 }
        guard index < end, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(text[index] | 0x20) else { return false }
        // Nothing but the one tag: no second `<`, and the `>` is the last character.
        return !text[index..<(end - 1)].contains(UInt8(ascii: "<")) && !text[index..<(end - 1)].contains(UInt8(ascii: ">"))
    }
}
