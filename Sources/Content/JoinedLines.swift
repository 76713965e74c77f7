/// The bytes of a Markdown file as a reader reads its paragraphs: each line break inside a
/// paragraph is left out between two non-ASCII characters (a browser joins Chinese text so) and
/// read as one space otherwise, so that a formulation split over two lines of the source is one
/// piece of text. A blank line, and a line that starts a block (a heading, a list item, a quote,
/// a fence, a table row), ends the paragraph and is never joined. Every byte keeps its offset
/// in the file, for the author's line and column.
struct JoinedLines {
    /// The text with the line breaks inside paragraphs joined.
    private(set) var bytes: [UInt8] = []
    /// The file offset of each of `bytes`.
    private var offsets: [Int] = []

    /// The joined text of `text`, whose Markdown body starts at `bodyStart`; nil when no line
    /// break of the body is inside a paragraph, and the text reads as it is.
    init?(_ text: UnsafeBufferPointer<UInt8>, bodyStart: Int) {
        var breaks: [(start: Int, resume: Int, space: Bool)] = []
        var lineStart = bodyStart
        var inFence = false
        while lineStart < text.count {
            var lineEnd = lineStart
            while lineEnd < text.count, text[lineEnd] != 0x0A { lineEnd += 1 }
            guard lineEnd < text.count else { break }
            let line = Self.line(text, lineStart..<lineEnd)
            if line.isFence { inFence.toggle() }
            let next = Self.line(text, lineEnd + 1..<Self.lineEnd(text, from: lineEnd + 1))
            if !inFence, line.joinsNext, !next.isBlank, !next.startsBlock || (line.isQuote && next.isQuoteContinuation) {
                let resume = line.isQuote && next.isQuote ? next.quoteTextStart : next.textStart
                let before = line.textEnd > lineStart ? text[line.textEnd - 1] : 0x20
                let after = resume < text.count ? text[resume] : 0x20
                breaks.append((line.textEnd, resume, !(before >= 0x80 && after >= 0x80)))
            }
            lineStart = lineEnd + 1
        }
        guard !breaks.isEmpty else { return nil }
        bytes.reserveCapacity(text.count)
        offsets.reserveCapacity(text.count)
        var index = 0
        for joint in breaks {
            append(text, index..<joint.start)
            if joint.space {
                bytes.append(0x20)
                offsets.append(joint.start)
            }
            index = joint.resume
        }
        append(text, index..<text.count)
    }

    /// The offset in the file of the byte at `offset` of `bytes`.
    func fileOffset(of offset: Int) -> Int {
        offset < offsets.count ? offsets[offset] : (offsets.last.map { $0 + 1 } ?? 0)
    }

    private mutating func append(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[range]))
        offsets.append(contentsOf: range)
    }

    private static func lineEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var end = start
        while end < text.count, text[end] != 0x0A { end += 1 }
        return end
    }

    /// What the paragraph logic needs to know of one line.
    private struct Line {
        var textStart: Int
        var textEnd: Int
        var isBlank: Bool
        var startsBlock: Bool
        var isFence: Bool
        var isQuote: Bool
        var quoteTextStart: Int
        /// False for a heading, a table row or a hard line break (two spaces or `\` at its end).
        var joinsNext: Bool
        /// A quote line whose text is itself no block start.
        var isQuoteContinuation: Bool
    }

    private static func line(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Line {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
        var start = range.lowerBound
        while start < range.upperBound, isSpace(text[start]) { start += 1 }
        var end = range.upperBound
        while end > start, isSpace(text[end - 1]) { end -= 1 }
        let trailingSpaces = range.upperBound - end - (range.upperBound > end && text[range.upperBound - 1] == 0x0D ? 1 : 0)
        let isBlank = start == end
        func startsBlock(at position: Int) -> Bool {
            guard position < end else { return false }
            let first = text[position]
            let second = position + 1 < end ? text[position + 1] : 0x20
            switch first {
            case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "|"): return true
            case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
                return second == 0x20 || second == 0x09 || position + 1 == end
            case UInt8(ascii: "`"), UInt8(ascii: "~"):
                return position + 2 < end && text[position + 1] == first && text[position + 2] == first
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                var index = position
                while index < end, text[index] &- 0x30 < 10 { index += 1 }
                return index < end && (text[index] == UInt8(ascii: ".") || text[index] == UInt8(ascii: ")"))
                    && (index + 1 == end || text[index + 1] == 0x20)
            default: return false
            }
        }
        let isQuote = start < end && text[start] == UInt8(ascii: ">")
        var quoteTextStart = start
        if isQuote {
            quoteTextStart += 1
            if quoteTextStart < end, text[quoteTextStart] == 0x20 { quoteTextStart += 1 }
        }
        let isFence = startsBlock(at: start) && (text[start] == UInt8(ascii: "`") || text[start] == UInt8(ascii: "~"))
        let hardBreak = trailingSpaces >= 2 || (end > start && text[end - 1] == UInt8(ascii: "\\"))
        let joinsNext =
            !isBlank && !hardBreak && !isFence && text[start] != UInt8(ascii: "#") && text[start] != UInt8(ascii: "|")
        return Line(
            textStart: start, textEnd: end, isBlank: isBlank, startsBlock: startsBlock(at: start), isFence: isFence,
            isQuote: isQuote, quoteTextStart: quoteTextStart, joinsNext: joinsNext,
            isQuoteContinuation: isQuote && quoteTextStart < end && !startsBlock(at: quoteTextStart))
    }
}
